// Listening and stopping: a clear message when the port is taken, timeouts against slow clients, and a shutdown that lets requests finish.
import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TlsCredentials } from './config/index.js';

export class ListenError extends Error {
  override readonly name = 'ListenError';
}

/** How long a client may take (the headers: the slowloris guard), so a slow or silent one cannot hold a socket forever; and how often Node checks (30 s by default). */
export interface ListenTimeouts {
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly checkIntervalMs: number;
}

/**
 * The opt-out requests are a few hundred bytes: a browser sends them in milliseconds, so ten
 * seconds is generous for a real client and short for one that trickles headers on purpose.
 */
const defaultTimeouts: ListenTimeouts = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 1_000,
};

const clientErrorStatus: Readonly<Record<string, string>> = {
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
};

/**
 * A request too malformed for Express (bad bytes in the URL, headers too slow or too large):
 * answered here, empty, uncacheable and not embeddable, then the socket is closed.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || (socket as Socket).bytesWritten > 0) {
    socket.destroy();
    return;
  }
  const status = clientErrorStatus[error.code ?? ''] ?? '400 Bad Request';
  socket.end(
    `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\nCache-Control: no-store\r\n` +
      `X-Content-Type-Options: nosniff\r\nContent-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n\r\n`,
  );
}

/** Timeouts to override, and the certificate and key that make it an HTTPS server. */
export interface ListenOptions extends Partial<ListenTimeouts> {
  readonly tls?: TlsCredentials | undefined;
  /** The variable that sets this port (`PORT`, `DEMO_PORT`), named when the port is taken. */
  readonly portVariable?: string;
}

/** Starts an HTTP server, or HTTPS with `options.tls`; rejects with a one-line `ListenError` (e.g. port already in use). */
export function listen(handler: RequestListener, port: number, host: string, options: ListenOptions = {}): Promise<Server> {
  const { tls, portVariable, ...timeouts } = options;
  const limits = { ...defaultTimeouts, ...timeouts };
  // Each open connection and the response it carries now (a Map write per request: no listener per response).
  const open = new Map<Socket, ServerResponse | undefined>();
  const serverOptions = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
  };
  const listener: RequestListener = (req, res) => {
    // While stopping, a keep-alive client is told to reconnect elsewhere rather than reuse a
    // socket that is about to close under its next request.
    if (closingServers.has(server)) res.setHeader('Connection', 'close');
    else open.set(req.socket, res);
    handler(req, res);
  };
  // An https.Server is an http.Server over TLS: the same timeouts, events and close(). A client
  // that never completes the handshake gets no longer than one that never sends its headers.
  const server: Server = tls
    ? createHttpsServer(
        { ...serverOptions, cert: Buffer.from(tls.cert), key: Buffer.from(tls.key), handshakeTimeout: limits.headersTimeoutMs },
        listener,
      )
    : createServer(serverOptions, listener);
  // Over TLS a request's socket is the TLS socket, which 'secureConnection' hands out ('connection' is the raw one).
  server.on(tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    open.set(socket, undefined);
    socket.once('close', () => open.delete(socket));
  });
  openConnections.set(server, open);
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.on('clientError', answerClientError);
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      if (error.code === 'EADDRINUSE')
        reject(new ListenError(`port ${where} is already in use; ${portVariable ? `set ${portVariable} or ` : ''}stop the other server`));
      else if (error.code === 'EACCES') reject(new ListenError(`no permission to listen on ${where}`));
      else reject(new ListenError(`cannot listen on ${where}: ${error.message}`));
    });
    server.listen(port, host, () => resolve(server));
  });
}

const closingServers = new WeakSet<Server>();
/** Per server, its connections and the response each carries: told to close their connection if a stop begins. */
const openConnections = new WeakMap<Server, Map<Socket, ServerResponse | undefined>>();

/**
 * Stops accepting connections and lets in-flight requests finish; keep-alive sockets are closed
 * as soon as they are idle, and whatever is still open after `graceMs` is cut.
 */
export function close(server: Server, graceMs = 10_000): Promise<void> {
  closingServers.add(server);
  for (const res of openConnections.get(server)?.values() ?? []) {
    if (res && !res.headersSent) res.setHeader('Connection', 'close');
  }
  return new Promise((resolve) => {
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    // A socket busy when close() starts becomes idle once its response is sent.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    cut.unref();
    sweep.unref();
    server.close(() => {
      clearTimeout(cut);
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Runs `stop` once on the first SIGINT/SIGTERM, then exits 0; returns that shutdown, for other reasons to stop. */
export function onShutdownSignal(stop: () => Promise<void>): () => void {
  let stopping = false;
  const handle = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', handle);
  process.once('SIGTERM', handle);
  return handle;
}
