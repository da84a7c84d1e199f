import fs from 'node:fs';
import { DomainError } from '../errors';

/**
 * The one file layer every rename, removal and open-for-write of Bindeled's goes through (letters,
 * batches, exports, reports, backups, restores, attachments, uploads, temporary files).
 *
 * On Windows an antivirus scanner, the search indexer or a sync client holds a freshly written
 * file for a moment, and the operation fails with EPERM, EBUSY or EACCES although a moment later
 * it would succeed. As graceful-fs does, such an operation is retried with a short, growing
 * backoff; if the file is still held when the time is up (Word keeps a letter it has open locked
 * for as long as it is open), the caller gets a DomainError naming the file in the user's language.
 * Other errors (no space, no such folder) pass through at once: waiting would not help.
 *
 * The layer is synchronous, like the transactions around it: a write promises its renames in one
 * transaction and carries them out right after, with nothing else in between.
 */

export type FileOp = 'open' | 'write' | 'rename' | 'remove' | 'copy' | 'flush';

/** The codes Windows gives for a file another program holds for now. */
const TRANSIENT = new Set(['EPERM', 'EBUSY', 'EACCES']);

export interface RetryPolicy {
  /** How long an operation keeps trying before it gives up. */
  maxWaitMs: number;
  /** The first pause; each next one doubles, up to `maxStepMs`. */
  firstStepMs: number;
  maxStepMs: number;
}

/**
 * Long enough for a scanner or indexer to let go (they hold a file for a fraction of a second),
 * short enough that a file Word keeps open is reported while the user still waits for it.
 */
export const DEFAULT_RETRY: RetryPolicy = Object.freeze({ maxWaitMs: 2000, firstStepMs: 10, maxStepMs: 100 });

let policy: RetryPolicy = DEFAULT_RETRY;

/** Fault injection for tests: returns an error to throw instead of running `op` on `file`. */
export type FaultHook = (op: FileOp, file: string) => NodeJS.ErrnoException | undefined;
let faultHook: FaultHook | undefined;

/** For tests: inject faults (undefined removes the hook). */
export function setFileFaults(hook: FaultHook | undefined): void {
  faultHook = hook;
}

/** For tests: a policy whose waits are a few milliseconds (undefined restores the default). */
export function setRetryPolicy(p: Partial<RetryPolicy> | undefined): void {
  policy = p ? { ...DEFAULT_RETRY, ...p } : DEFAULT_RETRY;
}

export function isTransient(err: unknown): boolean {
  return typeof err === 'object' && err !== null && TRANSIENT.has(String((err as NodeJS.ErrnoException).code));
}

/** The error an operation gives up with: names the file; the original error is its cause. */
export function fileLocked(file: string, cause: unknown): DomainError {
  const err = new DomainError('conflict', 'file.locked', { path: file });
  (err as Error & { cause?: unknown }).cause = cause;
  return err;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function pause(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** A step that is not retried, but where tests may still inject a fault. */
function injected(op: FileOp, file: string): void {
  const fault = faultHook?.(op, file);
  if (fault) throw fault;
}

/** Runs `body` on `file`, retrying while Windows reports the file held; the heart of the layer. */
export function retrying<T>(op: FileOp, file: string, body: () => T): T {
  let waited = 0;
  let step = policy.firstStepMs;
  for (;;) {
    try {
      injected(op, file);
      return body();
    } catch (err) {
      if (!isTransient(err)) throw err;
      if (waited >= policy.maxWaitMs) throw fileLocked(file, err);
      const ms = Math.min(step, policy.maxWaitMs - waited);
      pause(ms);
      waited += ms;
      step = Math.min(step * 2, policy.maxStepMs);
    }
  }
}

/** Renames `from` to `to`, replacing `to` where the system allows. */
export function renameFile(from: string, to: string): void {
  retrying('rename', to, () => fs.renameSync(from, to));
}

/** Removes a file if it is there. */
export function removeFile(file: string): void {
  retrying('remove', file, () => fs.rmSync(file, { force: true }));
}

/** Removes a folder and everything in it, if it is there. */
export function removeTree(dir: string): void {
  retrying('remove', dir, () => fs.rmSync(dir, { recursive: true, force: true }));
}

/** Opens a file for writing: 'wx' (a new file, never over another), 'r+' (an existing one), 'w'. */
export function openForWrite(file: string, flags: 'wx' | 'r+' | 'w' = 'wx'): number {
  return retrying('open', file, () => fs.openSync(file, flags));
}

/** Writes `data` to a new file (never over an existing one) and closes it. */
export function writeNewFile(file: string, data: string | Uint8Array): void {
  const fd = openForWrite(file, 'wx');
  try {
    // Not retried: a write that failed half-way cannot be repeated on the same handle.
    injected('write', file);
    fs.writeFileSync(fd, data);
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies a file; `exclusive` refuses to replace an existing target. */
export function copyFile(from: string, to: string, exclusive = false): void {
  retrying('copy', to, () => fs.copyFileSync(from, to, exclusive ? fs.constants.COPYFILE_EXCL : 0));
}

/** A write stream on a new file, opened through the layer (the open is where Windows refuses). */
export function newFileStream(file: string): fs.WriteStream {
  return fs.createWriteStream(file, { fd: openForWrite(file, 'wx') });
}

/** Flushes a finished file to disk before it is renamed, so a power cut cannot leave a torn file under the real name. */
export function flushFile(file: string): void {
  const fd = openForWrite(file, 'r+');
  try {
    retrying('flush', file, () => fs.fsyncSync(fd));
  } finally {
    fs.closeSync(fd);
  }
}
