// Listening and stopping: a clear message when the port is taken, and a shutdown that lets requests finish.
import { createServer, type RequestListener, type Server } from 'node:http';

export class ListenError extends Error {
  override readonly name = 'ListenError';
}

/** Starts an HTTP server; rejects with a one-line `ListenError` (e.g. port already in use). */
export function listen(handler: RequestListener, port: number, host: string): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      if (error.code === 'EADDRINUSE') reject(new ListenError(`port ${where} is already in use; set PORT/DEMO_PORT or stop the other server`));
      else if (error.code === 'EACCES') reject(new ListenError(`no permission to listen on ${where}`));
      else reject(new ListenError(`cannot listen on ${where}: ${error.message}`));
    });
    server.listen(port, host, () => resolve(server));
  });
}

/** Stops accepting connections, lets in-flight requests finish, closes idle keep-alive sockets. */
export function close(server: Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Runs `stop` once on the first SIGINT/SIGTERM, then exits 0. */
export function onShutdownSignal(stop: () => Promise<void>): void {
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
}
