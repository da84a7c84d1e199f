import type { ZipFile } from 'yauzl';
import { DomainError } from '../../errors';
import { attr } from './ooxml-text';
import { checkPartSize, megabytes, openZip, partChunks, partItems, readDirectory, tags, ZIP_LIMITS } from './zip-parts';

export interface XlsxDirectory {
  entries: string[];
  sheetNames: string[];
  uncompressedBytes: number;
}

/**
 * An .xlsx is a zip. A small crafted file can unpack to gigabytes (docs/domain.md, "Files from
 * outside are hostile"), so
 * the zip's directory is checked first (entry count, each part's declared size against its limit,
 * the total, the compression ratio), then every XML part is inflated once and counted against the
 * size its directory entry declares (zip-parts.ts), so a lying directory is caught before the
 * reader keeps anything.
 */
export async function guardXlsx(
  path: string,
  fileName: string,
  signal: AbortSignal,
  deep = true,
): Promise<XlsxDirectory> {
  const zip: ZipFile = await openZip(path, fileName);
  try {
    if (zip.entryCount > ZIP_LIMITS.maxEntries) {
      throw new DomainError('invalid_input', 'import.zip.tooMany', {
        file: fileName,
        count: zip.entryCount,
        limit: ZIP_LIMITS.maxEntries,
      });
    }
    const entries = await readDirectory(zip, fileName);
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
    const names = entries.map((e) => e.fileName);
    if (!names.includes('[Content_Types].xml') || !names.includes('xl/workbook.xml')) {
      if (names.includes('mimetype') && names.some((n) => n === 'content.xml')) {
        throw new DomainError('invalid_input', 'import.zip.ods', { file: fileName });
      }
      throw new DomainError('invalid_input', 'import.zip.notXlsx', { file: fileName });
    }
    const sheetNames: string[] = [];
    for (const e of entries) {
      if (e.fileName === 'xl/workbook.xml') {
        for await (const batch of partItems(zip, e, fileName, tags('sheet'), signal)) {
          for (const tag of batch) {
            const name = attr(tag, 'name');
            if (name !== undefined) sheetNames.push(name);
          }
        }
      } else if (deep && /\.(xml|rels)$/i.test(e.fileName)) {
        for await (const _ of partChunks(zip, e, fileName, signal));
      }
    }
    return { entries: names, sheetNames, uncompressedBytes: total };
  } finally {
    zip.close();
  }
}
