// The bench's baseline: a bare node:http server that replays, byte for byte, one answer the host gave.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/** A recorded answer: status, headers as sent (minus the per-connection ones Node writes itself), body. */
export interface RecordedAnswer {
  readonly status: number;
  readonly headers: readonly [string, string][];
  readonly bodyBase64: string;
}

const file = process.env.BENCH_REPLAY;
const port = Number(process.env.PORT);
if (!file || !port) throw new Error('bare-server: BENCH_REPLAY and PORT are required');
const answer = JSON.parse(readFileSync(file, 'utf8')) as RecordedAnswer;
const body = Buffer.from(answer.bodyBase64, 'base64');
const headers = answer.headers.flat();

createServer((_req, res) => {
  res.writeHead(answer.status, headers);
  res.end(body);
}).listen(port, '127.0.0.1');
