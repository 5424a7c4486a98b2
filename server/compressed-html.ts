// Sends a rendered HTML page gzip-compressed without compressing per response: the per-response CSP nonce is spliced in.
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Pages are rendered with this stand-in where the per-response CSP nonce goes; `sendHtml` puts
 * the response's real nonce (`res.locals.cspNonce`) in its place. Random per process, and made of
 * base64 characters, so it can only come from the renderer, never from a visitor's input.
 */
export const NONCE_SLOT = `nonceslot${randomBytes(12).toString('hex')}`;

/**
 * A page split around its nonce slots, each part compressed once. A gzip body is one DEFLATE
 * stream, and a DEFLATE stream may be a sequence of blocks: every part but the last is
 * compressed on its own and ends on a byte boundary (Z_SYNC_FLUSH, not final), and each nonce
 * goes in between as a "stored" (uncompressed) block. So a response costs a CRC-32 and a copy,
 * not a compression, while each response still gets its own nonce.
 */
interface SplicedPage {
  readonly parts: readonly Buffer[];
  readonly deflated: readonly Buffer[];
  readonly bytes: number;
}

/** 10-byte gzip member header: deflate, no flags, no time, unknown OS. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);

/** A stored DEFLATE block (not final) holding `data` (< 64 KB), after a byte-aligned block. */
function storedBlock(data: Buffer): Buffer {
  const block = Buffer.alloc(5 + data.length);
  block[0] = 0; // BFINAL=0, BTYPE=00 (stored); the rest of the byte is padding
  block.writeUInt16LE(data.length, 1);
  block.writeUInt16LE(~data.length & 0xffff, 3);
  data.copy(block, 5);
  return block;
}

function splitPage(html: string): SplicedPage {
  const parts = html.split(NONCE_SLOT).map((part) => Buffer.from(part, 'utf8'));
  const last = parts.length - 1;
  const deflated = parts.map((part, i) =>
    deflateRawSync(part, { level: 9, finishFlush: i === last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }),
  );
  return { parts, deflated, bytes: parts.reduce((n, p) => n + p.length, 0) };
}

/** The gzip body of `page` with `nonce` in every slot. */
function gzipWithNonce(page: SplicedPage, nonce: Buffer): Buffer {
  const chunks: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  page.parts.forEach((part, i) => {
    if (i > 0) {
      chunks.push(storedBlock(nonce));
      crc = crc32(nonce, crc);
    }
    chunks.push(page.deflated[i] as Buffer);
    // Skipped when empty: Node 20's crc32 of an empty buffer that went through zlib answers 0.
    if (part.length > 0) crc = crc32(part, crc);
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE((page.bytes + nonce.length * (page.parts.length - 1)) >>> 0, 4);
  chunks.push(trailer);
  return Buffer.concat(chunks);
}

/** Whether the client takes gzip: listed in `Accept-Encoding` without `q=0` (memoised; browsers send few distinct values). */
const gzipAccepted = new Map<string, boolean>();
function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let known = gzipAccepted.get(header);
  if (known === undefined) {
    known = header.split(',').some((entry) => {
      const [coding, ...params] = entry.trim().toLowerCase().split(';');
      if (coding !== 'gzip' && coding !== '*') return false;
      return !params.some((p) => /^\s*q=0(\.0{0,3})?\s*$/.test(p));
    });
    if (gzipAccepted.size < 64) gzipAccepted.set(header, known);
  }
  return known;
}

/** Most recently used pages, by their rendered text; bounded, since query strings come from visitors. */
const MAX_PAGES = 256;

export function createHtmlSender() {
  const pages = new Map<string, SplicedPage>();
  const spliced = (html: string): SplicedPage => {
    let page = pages.get(html);
    if (page) {
      pages.delete(html); // re-inserted below: Map order is the recency order
    } else {
      page = splitPage(html);
      if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value as string);
    }
    pages.set(html, page);
    return page;
  };

  /**
   * Sends `html` (rendered with `NONCE_SLOT` for the nonce) as the response, gzip when the
   * browser takes it. Headers set before (Cache-Control, Vary, cookies, CSP) are kept.
   */
  return function sendHtml(req: Request, res: Response, html: string): void {
    const nonce = Buffer.from(String(res.locals.cspNonce ?? ''), 'utf8');
    res.vary('Accept-Encoding');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    let body: Buffer;
    if (acceptsGzip(req.headers['accept-encoding'])) {
      body = gzipWithNonce(spliced(html), nonce);
      res.setHeader('Content-Encoding', 'gzip');
    } else {
      body = Buffer.from(html.split(NONCE_SLOT).join(nonce.toString('utf8')), 'utf8');
    }
    res.setHeader('Content-Length', body.length);
    res.end(body);
  };
}
