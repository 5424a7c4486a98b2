// The `http(s)://host:port` a browser can open for a listening server: the bound port, IPv6 in brackets, a wildcard as loopback.
import type { Server } from 'node:http';
import { Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** Addresses that mean "every interface": a browser on this machine reaches them on loopback. */
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/** The origin of `server`, listening on `host` (as configured by `HOST`); uses the bound port, so `PORT=0` works. */
export function serverOrigin(server: Server, host: string): string {
  const { port } = server.address() as AddressInfo;
  const name = WILDCARD.has(host) ? '127.0.0.1' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `${server instanceof HttpsServer ? 'https' : 'http'}://${name}:${port}`;
}
