import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { TextEncoding } from '../interop-schema';

/**
 * Office files arrive as UTF-8 (with or without BOM, Excel's "CSV UTF-8"), as Windows-1252
 * (Excel's plain "CSV" on a Danish or English Windows) or as UTF-16 ("Unicode text").
 * Windows-1252 is not Node's latin1: that would turn €, “ ” and – into control characters.
 */
export interface Decoded {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
}

function hasPrefix(buf: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

export function detectEncoding(buf: Buffer): { encoding: TextEncoding; bom: boolean } {
  if (hasPrefix(buf, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: true };
  if (hasPrefix(buf, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: true };
  if (hasPrefix(buf, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: true };
  // Checked in place: decoding to test it made a second copy of the whole file as text.
  return { encoding: isUtf8(buf) ? 'utf-8' : 'windows-1252', bom: false };
}

/**
 * A UTF-8 BOM is skipped as bytes, before decoding: decoded, U+FEFF makes V8 store the text two
 * bytes a character (æøå fit in one), and every string cut from it after.
 */
const textStart = (buf: Buffer, encoding: TextEncoding): number =>
  encoding === 'utf-8' && hasPrefix(buf, [0xef, 0xbb, 0xbf]) ? 3 : 0;

/** Decodes with the given or detected encoding and drops the BOM, so it never sticks to the first header. */
export function decodeText(buf: Buffer, forced?: TextEncoding): Decoded {
  const detected = detectEncoding(buf);
  const encoding = forced ?? detected.encoding;
  const text = iconv.decode(buf.subarray(textStart(buf, encoding)), encoding, { stripBOM: true });
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding, bom: detected.bom };
}

/**
 * Text pieces of about this many bytes: large enough to be cheap, small enough to be ordinary young
 * objects for V8, and to keep little alive through the few cells kept from them (a row of the
 * preview, a consultant's name).
 */
export const PIECE_BYTES = 64 * 1024;

/** The bytes from `at`, at most `size` of them; fewer only at the end of the file. */
export type ReadBytes = (at: number, size: number) => Buffer;

const bytesOf = (source: Buffer | ReadBytes): ReadBytes =>
  Buffer.isBuffer(source) ? (at, size) => source.subarray(at, at + size) : source;

/**
 * The text a piece at a time, so a large file is never held as one string (a 200 MB file would
 * be 200–400 MB of it), nor, read from a file, as one buffer. A character split between two
 * pieces is decoded whole; the BOM is dropped as decodeText drops it. `bytes` is how far into the
 * file the piece ends; the reader may ask for a larger next piece (a record that needs more text).
 */
export function* decodePieces(
  source: Buffer | ReadBytes,
  encoding: TextEncoding,
  pieceBytes = PIECE_BYTES,
): Generator<{ text: string; bytes: number }, void, number | undefined> {
  const read = bytesOf(source);
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  let at = textStart(read(0, 3), encoding);
  let size = pieceBytes;
  for (let first = true; ; first = false) {
    const bytes = read(at, size);
    const last = bytes.length < size;
    let text = decoder.write(bytes);
    if (last) text += decoder.end() ?? '';
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    at += bytes.length;
    if (text.length > 0 || !last) size = Math.max(pieceBytes, (yield { text, bytes: at }) ?? 0);
    if (last) return;
  }
}

/**
 * The encoding of text read from `read` (decodeText's rule: a BOM, else UTF-8 when it all is,
 * else Windows-1252), checked a piece at a time: a sequence cut by a piece's end waits for the next.
 */
export function detectEncodingOf(read: ReadBytes, pieceBytes = 16 * PIECE_BYTES): TextEncoding {
  const head = detectEncoding(read(0, 3));
  if (head.bom) return head.encoding;
  let carry = Buffer.alloc(0);
  for (let at = 0; ; ) {
    const bytes = read(at, pieceBytes);
    at += bytes.length;
    const buf = carry.length ? Buffer.concat([carry, bytes]) : bytes;
    let end = buf.length;
    if (bytes.length > 0) {
      // Back off over an unfinished sequence at the end: its lead byte and up to two continuations.
      let lead = end - 1;
      while (lead > end - 4 && lead > 0 && ((buf[lead] as number) & 0xc0) === 0x80) lead--;
      const b = buf[lead] as number;
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (end - lead < length) end = lead;
    }
    if (!isUtf8(buf.subarray(0, end))) return 'windows-1252';
    if (bytes.length === 0) return 'utf-8';
    carry = Buffer.from(buf.subarray(end));
  }
}

/** A NUL byte in the first kilobytes means a binary file (a PDF, an image, an old .xls), not text. */
export function looksBinary(buf: Buffer): boolean {
  const { encoding } = detectEncoding(buf);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return false;
  return buf.subarray(0, 8192).includes(0);
}
