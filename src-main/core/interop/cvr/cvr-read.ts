import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { DomainError } from '../../errors';
import type { LoadedFile } from '../format-types';

/** One line (or one hit of a saved search response) of an extract, parsed, or why it is not JSON. */
export interface ExtractItem {
  /** The line in the file (a line-per-document extract), or null for a hit, named by `ref`. */
  line: number | null;
  ref?: string;
  value?: unknown;
  /** The line is not JSON. */
  broken?: true;
}

/** The longest document a line may hold: a firm with decades of history is a few hundred kB. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;
/** A saved search response is read whole; the service answers at most a few thousand hits a page. */
export const MAX_SEARCH_RESPONSE_BYTES = 64 * 1024 * 1024;
const PIECE = 1024 * 1024;

/** True when the file's first document is on its first line (one JSON document per line). */
function firstLineIsDocument(file: LoadedFile): boolean {
  const fd = fs.openSync(file.path, 'r');
  try {
    const head = Buffer.alloc(Math.min(file.size, MAX_LINE_BYTES));
    const n = fs.readSync(fd, head, 0, head.length, 0);
    const text = head.toString('utf8', 0, n).replace(/^\uFEFF/, '');
    const first = text.split('\n').find((l) => l.trim() !== '');
    if (first === undefined) return false;
    JSON.parse(first);
    return true;
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The documents of a CVR extract, one at a time. A line-per-document extract is streamed a
 * piece at a time (a line is garbage once judged), its bytes hashed on the way and compared with
 * the fingerprint at the end, so the firms checked are those of the file the preview named.
 * A saved search response (`hits.hits[]`) is one JSON document and is read whole, within a limit.
 */
export async function* extractItems(file: LoadedFile, onBytes: (done: number) => void): AsyncGenerator<ExtractItem> {
  if (!firstLineIsDocument(file)) {
    if (file.size > MAX_SEARCH_RESPONSE_BYTES)
      throw new DomainError('invalid_input', 'cvrImport.responseTooLarge', {
        file: file.name,
        limit: MAX_SEARCH_RESPONSE_BYTES / 1048576,
      });
    let whole: unknown;
    try {
      whole = JSON.parse(
        file
          .bytes()
          .toString('utf8')
          .replace(/^\uFEFF/, ''),
      );
    } catch {
      throw new DomainError('invalid_input', 'cvrImport.notJson', { file: file.name });
    }
    onBytes(file.size);
    const hits = hitsOf(whole);
    if (!hits) {
      yield { line: 1, value: whole };
      return;
    }
    for (let i = 0; i < hits.length; i++) yield { line: null, ref: `hits.hits[${i}]`, value: hits[i] };
    return;
  }
  const hash = createHash('sha256');
  const decoder = new StringDecoder('utf8');
  const stream = fs.createReadStream(file.path, { highWaterMark: PIECE });
  let carry = '';
  let line = 0;
  let done = 0;
  const item = (text: string): ExtractItem | undefined => {
    line++;
    const t = line === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (t.trim() === '') return undefined;
    try {
      return { line, value: JSON.parse(t) };
    } catch {
      return { line, broken: true };
    }
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    done += chunk.length;
    const text = carry + decoder.write(chunk);
    const lines = text.split('\n');
    carry = lines.pop() ?? '';
    if (carry.length > MAX_LINE_BYTES)
      throw new DomainError('invalid_input', 'cvrImport.lineTooLong', {
        file: file.name,
        line: line + lines.length + 1,
        limit: MAX_LINE_BYTES / 1048576,
      });
    onBytes(done);
    for (const l of lines) {
      const it = item(l);
      if (it) yield it;
    }
  }
  const last = item(carry + decoder.end());
  if (last) yield last;
  if (hash.digest('hex') !== file.sha256) throw new DomainError('conflict', 'import.fileChanged', { file: file.name });
}

function hitsOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'object' || value === null) return null;
  const hits = (value as { hits?: { hits?: unknown } }).hits?.hits;
  return Array.isArray(hits) ? hits : null;
}
