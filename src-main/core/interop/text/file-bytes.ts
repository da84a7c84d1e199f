import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { DomainError } from '../../errors';
import type { LoadedFile } from '../format-types';
import type { ReadBytes } from './encoding';

/**
 * The file's bytes, read from the disk as they are asked for. Read from the start to the end, they
 * must have the hash the file was loaded with: the rows checked are the rows its fingerprint names.
 */
export function fileBytes(file: Pick<LoadedFile, 'path' | 'name' | 'sha256'>): ReadBytes {
  const hash = createHash('sha256');
  let hashed = 0;
  let checked = false;
  return (at, size) => {
    const bytes = Buffer.allocUnsafe(size);
    const fd = fs.openSync(file.path, 'r');
    let read: number;
    try {
      read = fs.readSync(fd, bytes, 0, size, at);
    } finally {
      fs.closeSync(fd);
    }
    // Each byte is hashed once, in order, however the reads overlap.
    if (at <= hashed && at + read > hashed) {
      hash.update(bytes.subarray(hashed - at, read));
      hashed = at + read;
    }
    if (read < size && at + read === hashed && !checked) {
      checked = true;
      if (hash.digest('hex') !== file.sha256)
        throw new DomainError('conflict', 'import.fileChanged', { file: file.name });
    }
    return bytes.subarray(0, read);
  };
}
