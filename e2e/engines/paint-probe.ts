// Measures what the frame shows at every paint before its script runs: a proxy in front of a host that holds back the frame's script and plants a probe.
import { createHash } from 'node:crypto';
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { close, listen } from '../../server/listen.js';

/** The name of the array, in the frame's window, of every distinct visible status seen at an animation frame. */
export const PAINTS = '__optoutPaints';

/**
 * Runs first in the frame's `<head>` and looks at each animation frame: rAF callbacks run just
 * before the browser paints, so what they see visible is what is painted. Consecutive repeats are
 * kept once; `null` is a paint with no status on screen yet.
 */
const probe = `(()=>{const seen=window.${PAINTS}=[];const visible=(e)=>typeof e.checkVisibility==='function'?e.checkVisibility():e.getClientRects().length>0;const status=()=>{const roots=[document];for(const e of document.querySelectorAll('*'))if(e.shadowRoot)roots.push(e.shadowRoot);for(const r of roots)for(const e of r.querySelectorAll('[role="status"]'))if(visible(e))return e.textContent.trim();return null};const tick=()=>{const s=status();if(seen.length===0||seen[seen.length-1]!==s)seen.push(s);requestAnimationFrame(tick)};requestAnimationFrame(tick)})();`;
const probeHash = `'sha256-${createHash('sha256').update(probe).digest('base64')}'`;

export interface ProbedHost {
  /** e.g. http://127.0.0.1:41240: the frame's origin as the browser sees it (the host behind it). */
  readonly origin: string;
  close(): Promise<void>;
}

/** The frame document with the probe first in `<head>`, and its hash added to the CSP so it may run. */
function plantProbe(html: string, headers: IncomingMessage['headers']): { body: string; csp?: string } {
  const body = html.replace('<head>', `<head><script>${probe}</script>`);
  const csp = headers['content-security-policy'];
  return { body, csp: typeof csp === 'string' ? csp.replace(/script-src ([^;]*)/, `script-src $1 ${probeHash}`) : undefined };
}

function forward(target: URL, holdScriptsMs: number, req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  const isFrame = req.method === 'GET' && new URL(path, target).pathname === '/optout';
  // Plain bytes from the host so the document can be edited, and never a 304: the cached copy
  // has the probe, but the 304's policy would not have its hash.
  const headers: Record<string, string | string[] | undefined> = { ...req.headers, 'accept-encoding': 'identity' };
  if (isFrame) for (const name of ['if-none-match', 'if-modified-since']) delete headers[name];
  const upstream = request(new URL(path, target), { method: req.method, headers }, async (answer) => {
    if (/^\/assets\/.*\.js$/.test(path)) await new Promise((resolve) => setTimeout(resolve, holdScriptsMs));
    if (!isFrame || answer.statusCode !== 200) {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of answer) chunks.push(chunk as Buffer);
    const { body, csp } = plantProbe(Buffer.concat(chunks).toString('utf8'), answer.headers);
    const out: IncomingMessage['headers'] = { ...answer.headers, 'content-length': String(Buffer.byteLength(body)) };
    if (csp) out['content-security-policy'] = csp;
    res.writeHead(200, out).end(body);
  });
  upstream.on('error', () => res.writeHead(502).end());
  req.pipe(upstream);
}

/**
 * A proxy on 127.0.0.1 in front of the host at `target`: the frame's module scripts arrive
 * `holdScriptsMs` late (a slow network), so the first paints show only the server's HTML and
 * whatever the document's inline `<head>` scripts did, exactly what a visitor would see meanwhile.
 */
export async function startProbedHost(target: string, holdScriptsMs: number): Promise<ProbedHost> {
  const server = await listen((req, res) => forward(new URL(target), holdScriptsMs, req, res), 0, '127.0.0.1');
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => close(server, 0) };
}
