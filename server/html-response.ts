// Sends the host's HTML pages gzip-compressed with a fresh CSP nonce, and replays them to repeat requests without Express.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import { acceptedEncodings, gzipWithNonce, NONCE_SLOT, plainWithNonce, splitPage, type SplicedPage } from './gzip-splice.js';
import { nextNonce } from './security-headers.js';

export { NONCE_SLOT } from './gzip-splice.js';

/** A page as the app answered it: its parts and its headers, with the nonce as NONCE_SLOT. */
interface RememberedPage {
  readonly page: SplicedPage;
  /** Flat name/value list, without the headers Node writes per response or per encoding. */
  readonly headers: readonly string[];
  /** Indices in `headers` of the values that carry the nonce (the CSP). */
  readonly nonceAt: readonly number[];
}

/** Bounds: query strings and header values come from visitors, so memory must not follow them. */
const MAX_PAGES = 512;

interface PageState {
  /** Compressed parts by rendered text. */
  readonly spliced: Map<string, SplicedPage>;
  /** Set when the app runs behind `createHostListener`, which replays remembered answers. */
  replay?: {
    /** The request headers (lower case, minus Accept-Encoding) a URL's answer varies on. */
    readonly vary: Map<string, readonly string[]>;
    readonly pages: Map<string, RememberedPage>;
  };
}

const states = new WeakMap<object, PageState>();
function stateFor(app: object): PageState {
  let state = states.get(app);
  if (!state) states.set(app, (state = { spliced: new Map() }));
  return state;
}

/** Bounded insert: the oldest entry goes first (pages are few; visitors' junk should not stay). */
function boundedSet<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= MAX_PAGES && !map.has(key)) map.delete(map.keys().next().value as string);
  map.set(key, value);
}

function splicedPage(state: PageState, html: string): SplicedPage {
  let page = state.spliced.get(html);
  if (!page) boundedSet(state.spliced, html, (page = splitPage(html)));
  return page;
}

/** Headers Node writes for each response, and the ones that depend on the encoding chosen. */
const PER_RESPONSE = new Set(['content-length', 'content-encoding', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * The key of an answer: its URL and every raw value of each header its `Vary` names, read
 * straight from `rawHeaders` (building `req.headers` costs more than a replay's own work). Raw
 * values keep more apart than the joined ones a route reads, so two requests share a key only
 * if the route saw the same thing.
 */
function replayKey(url: string, vary: readonly string[], req: IncomingMessage): string {
  let key = url;
  for (const name of vary) {
    key += '\n';
    const raw = req.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) {
      if ((raw[i] as string).length === name.length && (raw[i] as string).toLowerCase() === name) key += `${raw[i + 1]}\r`;
    }
  }
  return key;
}

/** `Accept-Encoding` from `rawHeaders` (see `replayKey`), joined as Node would. */
function acceptEncoding(req: IncomingMessage): string | undefined {
  let value: string | undefined;
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    if ((raw[i] as string).length === 15 && (raw[i] as string).toLowerCase() === 'accept-encoding') {
      value = value === undefined ? (raw[i + 1] as string) : `${value}, ${raw[i + 1]}`;
    }
  }
  return value;
}

/**
 * Remembers a 200 answer to a GET, keyed by its URL and the request headers its `Vary` names —
 * the same rule any HTTP cache follows, so a page that depends on a header must say so in
 * `Vary` (which HTTP requires anyway). Accept-Encoding is left out: the replay negotiates it.
 */
function remember(state: NonNullable<PageState['replay']>, req: Request, res: Response, page: SplicedPage, nonce: string): void {
  const varyHeader = String(res.getHeader('Vary') ?? '');
  const vary = varyHeader
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name && name !== 'accept-encoding');
  if (vary.includes('*')) return;
  const headers: string[] = [];
  const nonceAt: number[] = [];
  // The names as set (Node has kept them since 15.13; @types/node does not declare it), so a
  // replay is byte for byte what Express sent.
  const rawNames = (res as unknown as { getRawHeaderNames(): string[] }).getRawHeaderNames();
  for (const name of rawNames) {
    if (PER_RESPONSE.has(name.toLowerCase())) continue;
    const value = res.getHeader(name);
    for (const one of Array.isArray(value) ? value : [String(value)]) {
      if (nonce && one.includes(nonce)) nonceAt.push(headers.length + 1);
      headers.push(name, nonce ? one.replaceAll(nonce, NONCE_SLOT) : one);
    }
  }
  boundedSet(state.vary, req.originalUrl, vary);
  boundedSet(state.pages, replayKey(req.originalUrl, vary, req), { page, headers, nonceAt });
}

/** brotli for a page without a nonce (compressed once), else gzip with the nonce spliced in, else plain. */
function body(page: SplicedPage, nonce: Buffer, acceptEncoding: string | undefined): { body: Buffer; encoding?: 'br' | 'gzip' } {
  const accepts = acceptedEncodings(acceptEncoding);
  if (page.brotli && accepts.br) return { body: page.brotli, encoding: 'br' };
  if (accepts.gzip) return { body: gzipWithNonce(page, nonce), encoding: 'gzip' };
  return { body: plainWithNonce(page, nonce) };
}

/**
 * Sends `html` (rendered with `NONCE_SLOT` where the nonce goes) as the answer, compressed as
 * the browser takes it (see `body`), with this response's nonce (`res.locals.cspNonce`, the one in its CSP).
 * Headers set before (Cache-Control, Vary, cookies, CSP) are kept.
 */
export function sendHtml(req: Request, res: Response, html: string): void {
  const state = stateFor(req.app);
  const page = splicedPage(state, html);
  const nonce = String(res.locals.cspNonce ?? '');
  res.vary('Accept-Encoding');
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  if (state.replay && req.method === 'GET' && res.statusCode === 200) remember(state.replay, req, res, page, nonce);
  const answer = body(page, Buffer.from(nonce, 'utf8'), req.headers['accept-encoding']);
  if (answer.encoding) res.setHeader('Content-Encoding', answer.encoding);
  res.setHeader('Content-Length', answer.body.length);
  res.end(answer.body);
}

/** From now on, `app`'s pages are remembered for `replayPage`. */
export function enablePageReplay(app: object): void {
  stateFor(app).replay ??= { vary: new Map(), pages: new Map() };
}

/**
 * Answers a GET the app has answered before with the same URL and the same varying headers:
 * the same headers and page, with a fresh nonce. Returns false (and does nothing) otherwise.
 */
export function replayPage(app: object, req: IncomingMessage, res: ServerResponse): boolean {
  const replay = states.get(app)?.replay;
  if (!replay || req.method !== 'GET' || req.url === undefined) return false;
  const vary = replay.vary.get(req.url);
  const remembered = vary && replay.pages.get(replayKey(req.url, vary, req));
  if (!remembered) return false;
  const nonce = nextNonce();
  const headers = [...remembered.headers];
  for (const i of remembered.nonceAt) headers[i] = (headers[i] as string).replaceAll(NONCE_SLOT, nonce);
  const answer = body(remembered.page, Buffer.from(nonce, 'utf8'), acceptEncoding(req));
  if (answer.encoding) headers.push('Content-Encoding', answer.encoding);
  headers.push('Content-Length', String(answer.body.length));
  res.writeHead(200, headers);
  res.end(answer.body);
  return true;
}
