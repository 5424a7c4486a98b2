// Faults in-process: clients that vanish mid-request, slow and silent clients, oversized headers; the host keeps serving.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessHost, type InProcessHost } from './testing/in-process-host.js';

let host: InProcessHost;
beforeAll(async () => {
  // Short limits so the test sees them act; the production defaults are in listen.ts.
  host = await startInProcessHost({}, { headersTimeoutMs: 600, requestTimeoutMs: 1_200, keepAliveTimeoutMs: 300, checkIntervalMs: 100 });
});
afterAll(() => host.close());

/** Opens a raw connection, writes `data`, and collects what the server sends until it closes. */
function rawExchange(data: string, { destroyAfterWrite = false } = {}): { socket: Socket; closed: Promise<string> } {
  const socket = connect(host.port, '127.0.0.1');
  let received = '';
  const closed = new Promise<string>((resolve) => {
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
  });
  socket.on('connect', () => {
    if (data) socket.write(data);
    if (destroyAfterWrite) socket.destroy();
  });
  return { socket, closed };
}

async function openConnections(): Promise<number> {
  return new Promise((resolve, reject) => host.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
}

async function expectHealthy(): Promise<void> {
  const frame = await host.request({ path: '/optout', headers: { cookie: 'optout=1' } });
  expect(frame.status).toBe(200);
  expect(frame.body).toContain('name="optedOut" value="0"');
}

describe('clients that disconnect', () => {
  it('before the answer, mid-answer or mid-body: nothing breaks, every socket is released', async () => {
    const vanishing: Promise<string>[] = [];
    for (let i = 0; i < 50; i++) {
      // Gone right after asking.
      vanishing.push(rawExchange('GET /optout HTTP/1.1\r\nHost: x\r\n\r\n', { destroyAfterWrite: true }).closed);
      // Gone halfway through a form body it announced.
      vanishing.push(
        rawExchange(
          'POST /optout HTTP/1.1\r\nHost: x\r\nSec-Fetch-Site: same-origin\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\noptedOut=1',
          {
            destroyAfterWrite: true,
          },
        ).closed,
      );
      // Gone after the first bytes of the answer.
      const reader = rawExchange('GET /optout HTTP/1.1\r\nHost: x\r\n\r\n');
      reader.socket.once('data', () => reader.socket.destroy());
      vanishing.push(reader.closed);
    }
    await Promise.all(vanishing);
    await expectHealthy();
    await expect.poll(openConnections).toBe(0);
  });
});

describe('slow and silent clients', () => {
  it('headers trickled byte by byte (slowloris) are cut off with 408 while others are served', async () => {
    const slow = rawExchange('GET /optout HTTP/1.1\r\nHost: x\r\n');
    const trickle = setInterval(() => slow.socket.write('X-A: b\r\n'), 50);
    try {
      await expectHealthy();
      expect(await slow.closed).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      clearInterval(trickle);
    }
  });

  it('a connection that never says anything is closed by the host', async () => {
    const silent = rawExchange('');
    const received = await silent.closed;
    // Either dropped quietly or told 408; never left open (the test would time out).
    expect(received === '' || received.startsWith('HTTP/1.1 408 ')).toBe(true);
    await expectHealthy();
  });

  it('a form body that never finishes is cut off with 408 and changes nothing', async () => {
    const stalled = rawExchange(
      'POST /optout HTTP/1.1\r\nHost: x\r\nSec-Fetch-Site: same-origin\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\noptedOut=1',
    );
    const answer = await stalled.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).not.toMatch(/set-cookie/i);
  });

  it('an idle keep-alive connection is closed after its answer', async () => {
    const idle = rawExchange('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await idle.closed).toMatch(/^HTTP\/1\.1 200 [\s\S]*\r\n\r\nok$/);
  });

  it('oversized headers get an empty 431 that is neither cached nor sniffed', async () => {
    const huge = rawExchange(`GET /optout HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`);
    const answer = await huge.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toMatch(/\r\nCache-Control: no-store\r\n/);
    expect(answer).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/);
    await expectHealthy();
  });
});
