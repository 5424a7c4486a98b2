import express from 'express';
const app = express();
app.disable('x-powered-by');
const body = Buffer.alloc(1200, 97);
app.get('/optout', (_req, res) => { res.setHeader('Content-Type', 'text/html'); res.end(body); });
app.get('/healthz', (_req, res) => { res.end('ok'); });
app.listen(Number(process.env.PORT), '127.0.0.1');
