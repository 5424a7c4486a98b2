// gzip for pages that carry a per-response nonce, without compressing per response: precompressed parts, nonce spliced in.
import { randomBytes } from 'node:crypto';
import { brotliCompressSync, constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Pages are rendered with this stand-in where the per-response CSP nonce goes; the response's
 * real nonce is put in its place when it is sent. Random per process, and made of base64
 * characters, so it can only come from the renderer, never from a visitor's input.
 */
export const NONCE_SLOT = `nonceslot${randomBytes(12).toString('hex')}`;

/**
 * A page split around its nonce slots, each part compressed once. A gzip body is one DEFLATE
 * stream, and a DEFLATE stream may be a sequence of blocks: every part but the last is
 * compressed on its own and ends on a byte boundary (Z_SYNC_FLUSH, not final), and each nonce
 * goes in between as a "stored" (uncompressed) block. So a response costs a CRC-32 and a copy,
 * not a compression, while each response still gets its own nonce.
 */
export interface SplicedPage {
  readonly parts: readonly Buffer[];
  readonly deflated: readonly Buffer[];
  readonly bytes: number;
  /** A page without any nonce is the same on every response: compressed once with brotli too. */
  readonly brotli?: Buffer;
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

export function splitPage(html: string): SplicedPage {
  const parts = html.split(NONCE_SLOT).map((part) => Buffer.from(part, 'utf8'));
  const last = parts.length - 1;
  const deflated = parts.map((part, i) =>
    deflateRawSync(part, { level: 9, finishFlush: i === last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }),
  );
  const bytes = parts.reduce((n, p) => n + p.length, 0);
  if (parts.length > 1) return { parts, deflated, bytes };
  const brotli = brotliCompressSync(parts[0] as Buffer, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes },
  });
  return { parts, deflated, bytes, brotli };
}

/** The gzip body of `page` with `nonce` in every slot. */
export function gzipWithNonce(page: SplicedPage, nonce: Buffer): Buffer {
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

/** The page with `nonce` in every slot, uncompressed. */
export function plainWithNonce(page: SplicedPage, nonce: Buffer): Buffer {
  const chunks: Buffer[] = [];
  page.parts.forEach((part, i) => {
    if (i > 0) chunks.push(nonce);
    chunks.push(part);
  });
  return Buffer.concat(chunks);
}

export interface AcceptedEncodings {
  readonly br: boolean;
  readonly gzip: boolean;
}

/** What `Accept-Encoding` allows (listed, or `*`, without `q=0`); memoised, browsers send few distinct values. */
const accepted = new Map<string, AcceptedEncodings>();
export function acceptedEncodings(header: string | undefined): AcceptedEncodings {
  if (!header) return { br: false, gzip: false };
  let known = accepted.get(header);
  if (known === undefined) {
    const allowed = new Set<string>();
    for (const entry of header.toLowerCase().split(',')) {
      const [coding = '', ...params] = entry.trim().split(';');
      if (!params.some((p) => /^\s*q=0(\.0{0,3})?\s*$/.test(p))) allowed.add(coding.trim());
    }
    known = { br: allowed.has('br') || allowed.has('*'), gzip: allowed.has('gzip') || allowed.has('*') };
    if (accepted.size < 64) accepted.set(header, known);
  }
  return known;
}
