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
  /** CRC-32 of each part on its own. */
  readonly crcs: readonly number[];
  /** Per nonce length, what the page's CRC-32 is made of (see `crcParts`). */
  readonly crcByNonceLength: Map<number, CrcParts>;
  readonly bytes: number;
  /** A page without any nonce is the same on every response: compressed once with brotli too. */
  readonly brotli?: Buffer;
}

/** 10-byte gzip member header: deflate, no flags, no time, unknown OS. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);

export function splitPage(html: string): SplicedPage {
  const parts = html.split(NONCE_SLOT).map((part) => Buffer.from(part, 'utf8'));
  const last = parts.length - 1;
  const deflated = parts.map((part, i) =>
    deflateRawSync(part, { level: 9, finishFlush: i === last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }),
  );
  const bytes = parts.reduce((n, p) => n + p.length, 0);
  // Skipped when empty: Node 20's crc32 of an empty buffer that went through zlib answers 0.
  const crcs = parts.map((part) => (part.length > 0 ? crc32(part) : 0));
  const crcByNonceLength = new Map<number, CrcParts>();
  if (parts.length > 1) return { parts, deflated, crcs, crcByNonceLength, bytes };
  const brotli = brotliCompressSync(parts[0] as Buffer, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes },
  });
  return { parts, deflated, crcs, crcByNonceLength, bytes, brotli };
}

/**
 * CRC-32 arithmetic (zlib's crc32_combine): the CRC of A followed by B is
 * `multiplyModP(x^(8·|B|), crc(A)) ^ crc(B)`, so a response needs no pass over the whole page
 * (Node's crc32 of 2 KB takes about 3 µs, more than the rest of a response's own work).
 */
const POLY = 0xedb88320;

/** (a · b) modulo the CRC polynomial, bit-reflected as CRC-32 stores it. */
function multiplyModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo P for k = 0…31. */
const X2N: number[] = [];
for (let p = 0x40000000, k = 0; k < 32; k += 1, p = multiplyModP(p, p)) X2N.push(p);

/** The operator x^(8·length) modulo P: appending `length` bytes to a CRC. */
function crcAppendOp(length: number): number {
  let p = 0x80000000; // x^0
  for (let n = length, k = 3; n > 0; n = Math.floor(n / 2), k += 1) {
    if (n % 2 === 1) p = multiplyModP(X2N[k % 32] as number, p);
  }
  return p;
}

/** The CRC of A followed by B, from crc(A), crc(B) and B's append operator. */
function crcAppend(crcA: number, crcB: number, opB: number): number {
  return (multiplyModP(opB, crcA) ^ crcB) >>> 0;
}

/**
 * The page's CRC-32 for any nonce of one length is `base ^ (spread · crc(nonce))`: CRC-32 is
 * affine in the data, so the page's parts and the nonce's positions are folded in once, and a
 * response costs the nonce's own CRC and one multiplication.
 */
interface CrcParts {
  /** The page's CRC-32 with the nonces' own CRC taken as 0. */
  readonly base: number;
  /** Sum of x^(8·bytes after each nonce): how each nonce's CRC carries to the end. */
  readonly spread: number;
}

function crcParts(page: Omit<SplicedPage, 'crcByNonceLength'>, nonceLength: number): CrcParts {
  const nonceOp = crcAppendOp(nonceLength);
  let base = 0;
  let after = 0;
  let spread = 0;
  page.parts.forEach((part, i) => {
    if (i > 0) base = crcAppend(base, 0, nonceOp);
    base = crcAppend(base, page.crcs[i] as number, crcAppendOp(part.length));
  });
  for (let i = page.parts.length - 1; i > 0; i -= 1) {
    after += (page.parts[i] as Buffer).length;
    spread ^= crcAppendOp(after);
    after += nonceLength;
  }
  return { base, spread: spread >>> 0 };
}

/**
 * The gzip body of `page` with `nonce` (< 64 KB) in every slot: header, each part's blocks with
 * a stored (uncompressed) DEFLATE block holding the nonce between them, CRC-32 and size. Written
 * into one buffer, since a response is built per request.
 */
export function gzipWithNonce(page: SplicedPage, nonce: Buffer): Buffer {
  let sums = page.crcByNonceLength.get(nonce.length);
  if (!sums) page.crcByNonceLength.set(nonce.length, (sums = crcParts(page, nonce.length)));
  const nonceCrc = nonce.length > 0 ? crc32(nonce) : 0;
  const crc = sums.spread === 0 || nonceCrc === 0 ? sums.base : (sums.base ^ multiplyModP(sums.spread, nonceCrc)) >>> 0;
  const slots = page.parts.length - 1;
  let size = GZIP_HEADER.length + 8 + slots * (5 + nonce.length);
  for (const block of page.deflated) size += block.length;
  const out = Buffer.allocUnsafe(size);
  let at = GZIP_HEADER.copy(out, 0);
  page.deflated.forEach((block, i) => {
    if (i > 0) {
      out[at] = 0; // BFINAL=0, BTYPE=00 (stored); the rest of the byte is padding
      out.writeUInt16LE(nonce.length, at + 1);
      out.writeUInt16LE(~nonce.length & 0xffff, at + 3);
      at += 5 + nonce.copy(out, at + 5);
    }
    at += block.copy(out, at);
  });
  out.writeUInt32LE(crc, at);
  out.writeUInt32LE((page.bytes + nonce.length * slots) >>> 0, at + 4);
  return out;
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
