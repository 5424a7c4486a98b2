// e2e fixture: an HTTP CONNECT proxy that takes every `*.test` name to loopback, so engines without a host-resolver switch (Firefox, WebKitGTK) reach the test's HTTPS servers by name.
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TestNamesProxy {
  /** `http://127.0.0.1:PORT`, for the engines' proxy setting. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Tunnels `CONNECT <name>.test:<port>` to 127.0.0.1:<port> (the browser then speaks TLS with the
 * test's server itself, under the name it asked for). Anything else, another name or a plain
 * HTTP request through the proxy, is refused: nothing leaves the machine.
 */
export async function startTestNamesProxy(): Promise<TestNamesProxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.once('data', (head) => tunnel(client, head, sockets));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function tunnel(client: Socket, head: Buffer, sockets: Set<Socket>): void {
  const request = /^CONNECT ([a-z0-9.-]+\.test):(\d{1,5}) HTTP\/1\.[01]\r\n/i.exec(head.toString('latin1'));
  const headEnd = head.indexOf('\r\n\r\n');
  if (!request || headEnd < 0) {
    client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
    return;
  }
  const upstream = connect(Number(request[2]), '127.0.0.1', () => {
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    // Bytes the browser sent after the CONNECT head (the start of its TLS hello) go on too.
    if (head.length > headEnd + 4) upstream.write(head.subarray(headEnd + 4));
    upstream.pipe(client);
    client.pipe(upstream);
  });
  sockets.add(upstream);
  upstream.on('close', () => {
    sockets.delete(upstream);
    client.destroy();
  });
  upstream.on('error', () => client.destroy());
  client.on('close', () => upstream.destroy());
}
