// Unit tests: the origin printed for a listening host (bound port, IPv6 brackets, wildcard as loopback).
import type { Server } from 'node:http';
import { Server as HttpsServer } from 'node:https';
import { describe, expect, it } from 'vitest';
import { serverOrigin } from './server-origin.js';

/** A server bound to `port`: only `address()` is read. */
const boundTo = (port: number) => ({ address: () => ({ port, address: '', family: '' }) }) as unknown as Server;

describe('serverOrigin', () => {
  it.each([
    ['127.0.0.1', 'http://127.0.0.1:4321'],
    ['localhost', 'http://localhost:4321'],
    ['::1', 'http://[::1]:4321'],
    ['[::1]', 'http://[::1]:4321'],
    ['0.0.0.0', 'http://127.0.0.1:4321'],
    ['::', 'http://127.0.0.1:4321'],
  ])('HOST=%s → %s (the bound port, not the configured one)', (host, origin) => {
    expect(serverOrigin(boundTo(4321), host)).toBe(origin);
  });

  it('an HTTPS server (OPTOUT_TLS_CERT) is https://', () => {
    const https = Object.assign(Object.create(HttpsServer.prototype) as Server, {
      address: () => ({ port: 4443, address: '', family: '' }),
    });
    expect(serverOrigin(https, '0.0.0.0')).toBe('https://127.0.0.1:4443');
  });
});
