import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { DomainError } from '../errors';
import { throwIfCancelled } from '../interop/job';

const MB = 1024 * 1024;

/**
 * The one zip reader (yauzl) for the OOXML files Bindeled opens: a user's .xlsx, and the .docx
 * `docx` fills a letter template into. The importer runs in the desktop app's main process, so
 * every part is bounded by its unpacked size twice: as the zip's directory declares it (checked
 * before anything is unpacked) and as its bytes actually inflate (counted while reading, so a
 * directory that lies gains nothing). Sheets are read row by row and cost memory for a row at a
 * time; the shared strings are kept while a sheet is read, so they get a much smaller limit. A
 * 4.7 MB file whose 479 MB of shared strings passed the ratio check took the process to 1.5 GB
 * before these limits.
 */
export const ZIP_LIMITS = {
  maxEntries: 10_000,
  /** All parts together, unpacked. */
  maxTotalBytes: 1024 * MB,
  /** One part read as a stream (a sheet) or only counted. */
  maxEntryBytes: 768 * MB,
  /** The shared strings: kept in memory (as UTF-8, 4 bytes more per string) while a sheet is read. */
  maxSharedStringsBytes: 100 * MB,
  /** One row of a sheet, one shared string or one tag, in characters. */
  maxItemChars: 16 * MB,
  /** Spreadsheet XML compresses 5–30×; a zip bomb thousands of times. */
  maxRatio: 250,
  ratioFloorBytes: MB,
};

/** The part that holds a workbook's shared strings (its name, whatever folder the relations put it in). */
export const isSharedStrings = (name: string): boolean => /(?:^|\/)sharedStrings\.xml$/i.test(name);

export const megabytes = (bytes: number): number => Math.ceil(bytes / MB);

export function brokenZip(fileName: string, reason: unknown): DomainError {
  return new DomainError('invalid_input', 'import.zip.broken', {
    file: fileName,
    reason: reason instanceof Error ? reason.message : String(reason),
  });
}

/** Refuses a part that is larger than Bindeled reads, from the size the directory declares. */
export function checkPartSize(entry: Entry, fileName: string, size = entry.uncompressedSize): void {
  if (isSharedStrings(entry.fileName)) {
    if (size > ZIP_LIMITS.maxSharedStringsBytes) {
      throw new DomainError('invalid_input', 'import.zip.stringsTooBig', {
        file: fileName,
        entry: entry.fileName,
        size: megabytes(size),
        limit: megabytes(ZIP_LIMITS.maxSharedStringsBytes),
      });
    }
  } else if (size > ZIP_LIMITS.maxEntryBytes) {
    throw new DomainError('invalid_input', 'import.zip.partTooBig', {
      file: fileName,
      entry: entry.fileName,
      size: megabytes(size),
      limit: megabytes(ZIP_LIMITS.maxEntryBytes),
    });
  }
}

/**
 * Opens the zip, a file or bytes in memory. yauzl's own size check is off: the parts are counted
 * here instead (partChunks), so that a part which unpacks to more than its directory says gets a
 * message naming it.
 */
export async function openZip(source: string | Buffer, fileName: string): Promise<ZipFile> {
  const options = { lazyEntries: true, autoClose: false, validateEntrySizes: false };
  try {
    return await new Promise<ZipFile>((resolve, reject) => {
      const done = (err: Error | null, zip?: ZipFile) =>
        err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip);
      if (typeof source === 'string') yauzl.open(source, options, done);
      else yauzl.fromBuffer(source, options, done);
    });
  } catch (err) {
    throw brokenZip(fileName, err);
  }
}

/** The zip's directory, in its order; a zip of more parts than Bindeled reads is refused before it is read. */
export async function readDirectory(zip: ZipFile, fileName: string): Promise<Entry[]> {
  if (zip.entryCount > ZIP_LIMITS.maxEntries) {
    throw new DomainError('invalid_input', 'import.zip.tooMany', {
      file: fileName,
      count: zip.entryCount,
      limit: ZIP_LIMITS.maxEntries,
    });
  }
  try {
    return await new Promise<Entry[]>((resolve, reject) => {
      const entries: Entry[] = [];
      zip.on('entry', (e: Entry) => {
        entries.push(e);
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch (err) {
    throw brokenZip(fileName, err);
  }
}

/**
 * Refuses a zip from its directory alone, before anything is unpacked: too many bytes in all, a
 * part past its limit, a part that packs better than any real document does (a zip bomb), or an
 * encrypted part.
 */
export function checkDirectory(entries: readonly Entry[], fileName: string): void {
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > ZIP_LIMITS.maxTotalBytes) {
    throw new DomainError('invalid_input', 'import.zip.totalTooBig', {
      file: fileName,
      size: megabytes(total),
      limit: megabytes(ZIP_LIMITS.maxTotalBytes),
    });
  }
  for (const e of entries) {
    checkPartSize(e, fileName);
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > ZIP_LIMITS.ratioFloorBytes && ratio > ZIP_LIMITS.maxRatio) {
      throw new DomainError('invalid_input', 'import.zip.tooBig', {
        file: fileName,
        entry: e.fileName,
        size: megabytes(e.uncompressedSize),
      });
    }
    if (e.isEncrypted()) throw new DomainError('invalid_input', 'import.zip.encrypted', { file: fileName });
  }
}

/** A part that unpacks to other than the size its directory entry declares: damaged or crafted. */
function sizeLie(entry: Entry, fileName: string): DomainError {
  return new DomainError('invalid_input', 'import.zip.sizeLie', {
    file: fileName,
    entry: entry.fileName,
    declared: entry.uncompressedSize,
  });
}

/** A part's bytes as unpacked, or (`stored`) as they are in the zip, deflated or not. */
function openStream(zip: ZipFile, entry: Entry, stored = false): Promise<Readable> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, stream: Readable) =>
      err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream);
    if (stored && entry.compressionMethod === 8)
      zip.openReadStream(entry, { decompress: false, decrypt: null, start: null, end: null }, done);
    else zip.openReadStream(entry, done);
  });
}

/** A part as it is stored in the zip (deflated when its method is 8), to be copied into another zip. */
async function storedPart(zip: ZipFile, entry: Entry, fileName: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of await openStream(zip, entry, true)) chunks.push(chunk as Buffer);
  } catch (err) {
    throw brokenZip(fileName, err);
  }
  return Buffer.concat(chunks);
}

/** A part as stored in a zip, to be written into another (zip-write.ts, zipParts). */
export interface ZipPart {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  /** The part's bytes as stored in the zip (compressed when method is 8). */
  data: Buffer;
  size: number;
  time: number;
  date: number;
}

/**
 * Every part of a zip in memory, as stored and in its order, read and bounded as any zip Bindeled
 * reads; the parts `unpack` asks for also unpacked.
 */
export async function readParts(
  bytes: Buffer,
  fileName: string,
  unpack: (name: string) => boolean,
): Promise<Array<{ part: ZipPart; unpacked?: Buffer }>> {
  const zip = await openZip(bytes, fileName);
  try {
    const entries = await readDirectory(zip, fileName);
    checkDirectory(entries, fileName);
    const out: Array<{ part: ZipPart; unpacked?: Buffer }> = [];
    for (const e of entries) {
      if (e.compressionMethod !== 0 && e.compressionMethod !== 8) {
        throw brokenZip(fileName, `${e.fileName}: compression method ${e.compressionMethod}`);
      }
      const part: ZipPart = {
        name: e.fileName,
        method: e.compressionMethod,
        crc: e.crc32,
        data: await storedPart(zip, e, fileName),
        size: e.uncompressedSize,
        time: e.lastModFileTime,
        date: e.lastModFileDate,
      };
      if (!unpack(e.fileName)) {
        out.push({ part });
        continue;
      }
      // In memory already: inflated at once, never past the size the directory declares.
      let unpacked: Buffer;
      try {
        unpacked = part.method === 0 ? part.data : zlib.inflateRawSync(part.data, { maxOutputLength: part.size + 1 });
      } catch (err) {
        throw (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
          ? sizeLie(e, fileName)
          : brokenZip(fileName, err);
      }
      if (unpacked.length !== part.size) throw sizeLie(e, fileName);
      out.push({ part, unpacked });
    }
    return out;
  } finally {
    zip.close();
  }
}

/**
 * A part's unpacked bytes, chunk by chunk. Refuses the part before reading it when its declared
 * size passes its limit, and stops as soon as the inflated bytes pass the declared size.
 */
export async function* partChunks(
  zip: ZipFile,
  entry: Entry,
  fileName: string,
  signal?: AbortSignal,
): AsyncGenerator<Buffer> {
  checkPartSize(entry, fileName);
  const lie = () => sizeLie(entry, fileName);
  let stream: Readable;
  try {
    stream = await openStream(zip, entry);
  } catch (err) {
    throw brokenZip(fileName, err);
  }
  let count = 0;
  try {
    for await (const chunk of stream) {
      count += (chunk as Buffer).length;
      if (count > entry.uncompressedSize) throw lie();
      if (signal) throwIfCancelled(signal);
      yield chunk as Buffer;
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw brokenZip(fileName, err);
  } finally {
    stream.destroy();
  }
  if (count !== entry.uncompressedSize) throw lie();
}

/** How one kind of item (a row, a shared string, a tag) is found in a part's text. */
export interface ItemFinder {
  /** Matches where an item starts (global). */
  start: RegExp;
  /** The end of the item whose start tag's name ends at `from`, or -1 when the text holds only part of it. */
  end: (text: string, from: number) => number;
}

/** The rest of a start tag from `from`: attribute values may hold '>'. */
const TAG_REST = /(?:[^>"']|"[^"]*"|'[^']*')*>/y;

function tagEnd(text: string, from: number): number {
  TAG_REST.lastIndex = from;
  return TAG_REST.exec(text) ? TAG_REST.lastIndex : -1;
}

/** Whole elements `<name …>…</name>` or `<name …/>`, any namespace prefix; they must not nest. */
export function elements(name: string): ItemFinder {
  const close = new RegExp(`</(?:\\w+:)?${name}\\s*>`, 'g');
  return {
    start: new RegExp(`<(?:\\w+:)?${name}(?=[\\s/>])`, 'g'),
    end: (text, from) => {
      const open = tagEnd(text, from);
      if (open < 0 || text[open - 2] === '/') return open;
      close.lastIndex = open;
      return close.exec(text) ? close.lastIndex : -1;
    },
  };
}

/** Start, empty and end tags with one of these names, any namespace prefix, without their content. */
export function tags(...names: string[]): ItemFinder {
  return { start: new RegExp(`</?(?:\\w+:)?(?:${names.join('|')})(?=[\\s/>])`, 'g'), end: tagEnd };
}

/**
 * The items of a part, in order, a chunk's worth at a time (one yield per item cost a fifth of
 * the reading time): memory holds one chunk and at most one unfinished item (refused past
 * maxItemChars), never the part. Each item is a slice of the text read so far; callers copy what
 * they keep.
 */
export async function* partItems(
  zip: ZipFile,
  entry: Entry,
  fileName: string,
  find: ItemFinder,
  signal?: AbortSignal,
): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let text = '';
  for await (const chunk of partChunks(zip, entry, fileName, signal)) {
    text += decoder.write(chunk);
    const items: string[] = [];
    let from = 0;
    let pending = -1;
    for (;;) {
      find.start.lastIndex = from;
      const m = find.start.exec(text);
      if (!m) break;
      const end = find.end(text, m.index + m[0].length);
      if (end < 0) {
        pending = m.index;
        break;
      }
      items.push(text.slice(m.index, end));
      from = end;
    }
    // Keep the unfinished item, or a tag cut in half at the chunk's end, for the next chunk.
    const lt = text.lastIndexOf('<');
    text = pending >= 0 ? text.slice(pending) : lt >= from ? text.slice(lt) : '';
    if (text.length > ZIP_LIMITS.maxItemChars) {
      throw new DomainError('invalid_input', 'import.zip.itemTooBig', {
        file: fileName,
        entry: entry.fileName,
        limit: megabytes(ZIP_LIMITS.maxItemChars),
      });
    }
    if (items.length > 0) yield items;
  }
}
