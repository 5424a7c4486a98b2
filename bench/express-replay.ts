// The bench's second reference: an empty Express 5 route replaying the same recorded answer, the floor of any Express path.
import express from 'express';
import { readFileSync } from 'node:fs';
import type { RecordedAnswer } from './bare-server.js';

const file = process.env.BENCH_REPLAY;
const port = Number(process.env.PORT);
if (!file || !port) throw new Error('express-replay: BENCH_REPLAY and PORT are required');
const answer = JSON.parse(readFileSync(file, 'utf8')) as RecordedAnswer;
const body = Buffer.from(answer.bodyBase64, 'base64');
const headers = answer.headers.flat();

const app = express();
app.disable('x-powered-by');
app.get('/optout', (_req, res) => {
  res.writeHead(answer.status, headers);
  res.end(body);
});
app.listen(port, '127.0.0.1');
