import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../errors';
import { safeFileName, uniquePath } from '../files/safe-file-name';

/** Makes sure the folder exists and can be written, with a message the user can act on. */
export function prepareFolder(folder: string): string {
  const dir = path.resolve(folder);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    if (!fs.statSync(dir).isDirectory()) throw new Error('not a folder');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new DomainError('invalid_input', 'doc_folder_unwritable', { path: dir, reason });
  }
  return dir;
}

export interface WrittenFile {
  path: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
}

/**
 * Writes bytes under a name made safe for every OS, inside `dir` and nowhere else: first to a
 * hidden temporary file, flushed to disk, then renamed. A crash leaves either no document or a
 * whole one, never half a .docx under the real name.
 */
export function writeDocumentFile(dir: string, stem: string, bytes: Buffer): WrittenFile {
  const fileName = `${safeFileName(stem, 'dokument')}.docx`;
  const target = uniquePath(dir, fileName);
  if (path.dirname(path.resolve(target)) !== path.resolve(dir)) {
    throw new DomainError('forbidden', 'doc_folder_unwritable', { path: dir, reason: 'outside folder' });
  }
  const temp = path.join(dir, `.${randomBytes(6).toString('hex')}.docx.tmp`);
  const fd = fs.openSync(temp, 'wx');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  return {
    path: path.resolve(target),
    fileName: path.basename(target),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    sizeBytes: bytes.length,
  };
}
