import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { DomainError } from '../../errors';
import { throwIfCancelled } from '../job';
import { xmlText } from './ooxml-text';

/**
 * An .xlsx is a zip. A crafted 300 KB file made exceljs take 6 s and 736 MB (TOOLCHAIN.md), so
 * the zip's directory is checked first (entry count, declared sizes, compression ratio), then
 * every XML part is inflated once and counted: yauzl refuses an entry whose real size differs
 * from the size the directory declares, so a lying directory is caught before exceljs runs.
 */
export const ZIP_LIMITS = {
  maxEntries: 10_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntryBytes: 768 * 1024 * 1024,
  /** Spreadsheet XML compresses 5–30×; a zip bomb thousands of times. */
  maxRatio: 250,
  ratioFloorBytes: 1024 * 1024,
};

export interface XlsxDirectory {
  entries: string[];
  sheetNames: string[];
  uncompressedBytes: number;
}

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip),
    ),
  );
}

function readDirectory(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function openStream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) =>
      err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream),
    ),
  );
}

async function inflate(zip: ZipFile, entry: Entry, keep: boolean, signal: AbortSignal): Promise<string> {
  const stream = await openStream(zip, entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    if (keep) chunks.push(chunk as Buffer);
    if (signal.aborted) {
      stream.destroy();
      throwIfCancelled(signal);
    }
  }
  return keep ? Buffer.concat(chunks).toString('utf8') : '';
}

const broken = (file: string, reason: unknown) =>
  new DomainError('invalid_input', 'import.zip.broken', {
    file,
    reason: reason instanceof Error ? reason.message : String(reason),
  });

export async function guardXlsx(
  path: string,
  fileName: string,
  signal: AbortSignal,
  deep = true,
): Promise<XlsxDirectory> {
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch (err) {
    throw broken(fileName, err);
  }
  try {
    if (zip.entryCount > ZIP_LIMITS.maxEntries) {
      throw new DomainError('invalid_input', 'import.zip.tooMany', {
        file: fileName,
        count: zip.entryCount,
        limit: ZIP_LIMITS.maxEntries,
      });
    }
    let entries: Entry[];
    try {
      entries = await readDirectory(zip);
    } catch (err) {
      throw broken(fileName, err);
    }
    let total = 0;
    for (const e of entries) {
      total += e.uncompressedSize;
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (
        e.uncompressedSize > ZIP_LIMITS.maxEntryBytes ||
        total > ZIP_LIMITS.maxTotalBytes ||
        (e.uncompressedSize > ZIP_LIMITS.ratioFloorBytes && ratio > ZIP_LIMITS.maxRatio)
      ) {
        throw new DomainError('invalid_input', 'import.zip.tooBig', {
          file: fileName,
          entry: e.fileName,
          size: Math.round(e.uncompressedSize / 1048576),
        });
      }
      if (e.isEncrypted()) throw new DomainError('invalid_input', 'import.zip.encrypted', { file: fileName });
    }
    const names = entries.map((e) => e.fileName);
    if (!names.includes('[Content_Types].xml') || !names.includes('xl/workbook.xml')) {
      if (names.includes('mimetype') && names.some((n) => n === 'content.xml')) {
        throw new DomainError('invalid_input', 'import.zip.ods', { file: fileName });
      }
      throw new DomainError('invalid_input', 'import.zip.notXlsx', { file: fileName });
    }
    let sheetNames: string[] = [];
    for (const e of entries) {
      const isWorkbook = e.fileName === 'xl/workbook.xml';
      if (!isWorkbook && !(deep && /\.(xml|rels)$/i.test(e.fileName))) continue;
      let xml: string;
      try {
        xml = await inflate(zip, e, isWorkbook, signal);
      } catch (err) {
        if (err instanceof DomainError) throw err;
        throw broken(fileName, err);
      }
      if (isWorkbook)
        sheetNames = [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => xmlText(m[1] ?? ''));
    }
    return { entries: names, sheetNames, uncompressedBytes: total };
  } finally {
    zip.close();
  }
}
