// The host as a process: SIGTERM under load lets in-flight requests finish and exits 0; a port in use is one clear line and exit 1.
import { expect, test } from '@playwright/test';
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import { startEntry } from '../server/testing/entry-process.js';

/** Sends a raw request up to (not including) the last `holdBack` bytes of its body, once the server said 100 Continue. */
function heldRequest(port: number, body: string, holdBack: number) {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  const continued = new Promise<void>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.startsWith('HTTP/1.1 100 Continue')) resolve();
    });
  });
  const closed = new Promise<string>((resolve) => {
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
  });
  socket.write(
    `POST /optout HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nSec-Fetch-Site: same-origin\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
      `Content-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n${body.slice(0, body.length - holdBack)}`,
  );
  return { continued, finish: () => socket.write(body.slice(body.length - holdBack)), closed };
}

/** True once nothing accepts connections on the port any more. */
function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(true));
  });
}

test('SIGTERM during load: in-flight requests finish, answers stay correct, exit code 0', async () => {
  test.setTimeout(60_000);
  // Configured as in production, so it has nothing to warn about and stderr stays empty.
  const host = startEntry('server/main.ts', { PORT: '0', HOST: '127.0.0.1', OPTOUT_ALLOWED_ORIGINS: 'https://example.org' });
  const [, portText] = await host.waitForOutput(/optout-frame host: http:\/\/127\.0\.0\.1:(\d+)/);
  const port = Number(portText);
  const origin = `http://127.0.0.1:${port}`;

  // Load: 20 clients asking for the frame back to back until told to stop.
  let signalled = false;
  let stop = false;
  const statuses = new Map<number, number>();
  let errorsBeforeSignal = 0;
  const clients = Array.from({ length: 20 }, async () => {
    while (!stop) {
      try {
        const response = await fetch(`${origin}/optout`, { headers: { cookie: 'optout=1' } });
        await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      } catch {
        // After SIGTERM new connections are refused: that is the point. Before it, nothing may fail.
        if (!signalled) errorsBeforeSignal += 1;
        else await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
  });
  // Load is under way before the signal; on a busy shared machine 200 answers can take more than poll's default 5 s.
  await expect.poll(() => statuses.get(200) ?? 0, { timeout: 30_000 }).toBeGreaterThan(200);

  // Requests the host is surely handling: it answered 100 Continue, and their bodies are not complete yet.
  const held = Array.from({ length: 10 }, () => heldRequest(port, 'optedOut=1', 3));
  await Promise.all(held.map((request) => request.continued));

  signalled = true;
  host.child.kill('SIGTERM');
  await expect.poll(() => refusesConnections(port)).toBe(true);
  for (const request of held) request.finish();
  const answers = await Promise.all(held.map((request) => request.closed));
  stop = true;
  await Promise.all(clients);
  const exit = await host.exited;

  for (const answer of answers) {
    expect(answer).toMatch(/\r\n\r\nHTTP\/1\.1 303 See Other\r\n/);
    expect(answer).toMatch(/\r\nSet-Cookie: optout=1; /i);
    // The host asks the client not to reuse a socket it is about to close.
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
  }
  expect(errorsBeforeSignal).toBe(0);
  expect([...statuses.keys()]).toEqual([200]);
  expect(exit).toMatchObject({ code: 0, signal: null, stderr: '' });
});

test('a port already in use: one clear line naming it and only the variable that sets it, exit code 1', async () => {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as AddressInfo).port;
  try {
    const exit = await startEntry('server/main.ts', { PORT: String(port), HOST: '127.0.0.1' }).exited;
    expect(exit.code).toBe(1);
    expect(exit.stdout).toBe('');
    expect(exit.stderr).toBe(`optout-frame: port 127.0.0.1:${port} is already in use; set PORT or stop the other server\n`);

    // npm start, with the demo's port taken.
    const start = await startEntry('scripts/start.ts', { PORT: '0', DEMO_PORT: String(port) }).exited;
    expect(start.code).toBe(1);
    expect(start.stderr).toBe(`optout-frame: port localhost:${port} is already in use; set DEMO_PORT or stop the other server\n`);
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
});
