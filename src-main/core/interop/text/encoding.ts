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
  return { encoding: isValidUtf8(buf) ? 'utf-8' : 'windows-1252', bom: false };
}

function isValidUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** Decodes with the given or detected encoding and drops the BOM, so it never sticks to the first header. */
export function decodeText(buf: Buffer, forced?: TextEncoding): Decoded {
  const detected = detectEncoding(buf);
  const encoding = forced ?? detected.encoding;
  const text = iconv.decode(buf, encoding, { stripBOM: true });
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding, bom: detected.bom };
}

/** A NUL byte in the first kilobytes means a binary file (a PDF, an image, an old .xls), not text. */
export function looksBinary(buf: Buffer): boolean {
  const { encoding } = detectEncoding(buf);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return false;
  return buf.subarray(0, 8192).includes(0);
}
