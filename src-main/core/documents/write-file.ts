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
    throw new DomainError('invalid_input', 'doc.folderUnwritable', { path: dir, reason });
  }
  return dir;
}

export interface WrittenFile {
  path: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
}

/** A free name for the document in `dir` (never over an existing file), made safe for every OS. */
function targetPath(dir: string, stem: string): string {
  const target = uniquePath(dir, `${safeFileName(stem, 'dokument')}.docx`);
  if (path.dirname(path.resolve(target)) !== path.resolve(dir)) {
    throw new DomainError('forbidden', 'doc.folderUnwritable', { path: dir, reason: 'outside folder' });
  }
  return target;
}

/** A hidden temporary file for a document being written (the names removeStaleTemps looks for). */
function tempPath(dir: string): string {
  return path.join(dir, `.${randomBytes(6).toString('hex')}.docx.tmp`);
}

/**
 * Writes bytes under a name made safe for every OS, inside `dir` and nowhere else: first to a
 * hidden temporary file, flushed to disk, then renamed. A crash leaves either no document or a
 * whole one, never half a .docx under the real name.
 */
export function writeDocumentFile(dir: string, stem: string, bytes: Buffer): WrittenFile {
  const target = targetPath(dir, stem);
  const temp = tempPath(dir);
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

const TEMP_NAME = /^\.[0-9a-f]{12}\.docx\.tmp$/;
/** A batch takes seconds; a temporary letter this old was left by a batch that crashed. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * Removes hidden temporary letters that a crashed or killed batch left in the folder, so a crash
 * costs nothing but the batch itself. Only our own names and only old ones: a batch running now
 * (in this or another window) is never touched.
 */
export function removeStaleTemps(dir: string, now = Date.now()): number {
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    if (!TEMP_NAME.test(name)) continue;
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isFile() && now - stat.mtimeMs > STALE_TEMP_MS) {
      fs.rmSync(file, { force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * The files of a batch, all or nothing. Each letter goes to a hidden temporary file as it is made,
 * unsynced; at the end all are flushed to disk together (the system groups the flushes: ~0.3 s for
 * 850 letters where one sync per letter took ~6 s), then renamed, and the folder is synced once. A
 * crash before the end leaves only hidden temporary files, never a real name with half a letter.
 */
export class BatchFiles {
  private readonly temps: Array<{ temp: string; stem: string; sha256: string; sizeBytes: number }> = [];
  private readonly renamed: string[] = [];

  constructor(private readonly dir: string) {
    removeStaleTemps(dir);
  }

  get count(): number {
    return this.temps.length;
  }

  add(stem: string, bytes: Buffer): void {
    const temp = tempPath(this.dir);
    this.temps.push({
      temp,
      stem,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      sizeBytes: bytes.length,
    });
    fs.writeFileSync(temp, bytes, { flag: 'wx' });
  }

  /** Flushes every file, gives each its real name (never over an existing file) and syncs the folder. */
  async commit(): Promise<WrittenFile[]> {
    await Promise.all(
      this.temps.map(async ({ temp }) => {
        const handle = await fs.promises.open(temp, 'r+');
        try {
          await handle.datasync();
        } finally {
          await handle.close();
        }
      }),
    );
    const written: WrittenFile[] = [];
    for (const t of this.temps) {
      // Named one by one: uniquePath then sees the letters renamed before it, so two firms of the
      // same name get "… (2)" rather than one letter over the other.
      const target = targetPath(this.dir, t.stem);
      fs.renameSync(t.temp, target);
      this.renamed.push(target);
      written.push({
        path: path.resolve(target),
        fileName: path.basename(target),
        sha256: t.sha256,
        sizeBytes: t.sizeBytes,
      });
    }
    syncFolder(this.dir);
    return written;
  }

  /** Removes every file of the batch, temporary or renamed. */
  discard(): void {
    for (const t of this.temps) fs.rmSync(t.temp, { force: true });
    for (const f of this.renamed) fs.rmSync(f, { force: true });
  }
}

/** Makes the renames durable. Windows cannot open a folder to sync it; NTFS journals renames itself. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported here (Windows, some network drives): the files themselves are already synced.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
