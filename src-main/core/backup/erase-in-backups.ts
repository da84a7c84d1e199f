import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import BetterSqlite3 from 'better-sqlite3';
import { copyFile, removeFile, renameFile } from '../files/file-ops';
import { isBackupRewriteTemp } from '../files/leftovers';
import { flushFile, syncFolder } from '../files/staged-files';
import { reapplyErasures } from '../privacy/erase';
import { type ErasureEntry, erasureLedger, missingEntries } from '../privacy/erasure-ledger';
import type { BackupErasureReport } from '../privacy/privacy-types';
import { isFileDb, listBackups, pruneBackupFolder } from './backup';
import { backupDir } from './backup-names';

/**
 * The hidden temporary files of a backup rewrite, beside the backup:
 *
 *   .bindeled-20240501-081502-117-v120-daily.db.erase-1a2b3c4d.work   the copy being erased
 *   .bindeled-20240501-081502-117-v120-daily.db.erase-1a2b3c4d.tmp    the compacted result
 *
 * plus SQLite's `-journal`, `-wal` and `-shm` beside the `.work` copy. The `.work` copy holds
 * the erased company until it is removed, so a sweep of leftovers must remove every name this
 * matches, whatever its age. None of them matches a backup's own name (listBackups ignores them).
 */
export { isBackupRewriteTemp };

/** Fresh temporary names for rewriting `backupFile`, in the same folder so the final rename is atomic. */
export function backupRewriteTempPaths(backupFile: string): { work: string; result: string } {
  const stem = path.join(
    path.dirname(backupFile),
    `.${path.basename(backupFile)}.erase-${randomBytes(4).toString('hex')}`,
  );
  return { work: `${stem}.work`, result: `${stem}.tmp` };
}

/** Removes what a killed rewrite left in the backups folder; returns how many files. */
export function removeBackupRewriteLeftovers(dbPath: string): number {
  if (!isFileDb(dbPath)) return 0;
  const dir = backupDir(dbPath);
  let n = 0;
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!isBackupRewriteTemp(name)) continue;
    removeFile(path.join(dir, name));
    n++;
  }
  return n;
}

export type RewriteStep = 'copied' | 'erased' | 'compacted' | 'synced' | 'renamed';

export interface RewriteOptions {
  /** The better-sqlite3 build to open copies with (Electron's in the app). */
  nativeBinding?: string;
  /** Called after each step; tests use it to fail or to look at the folder there. */
  onStep?: (step: RewriteStep, files: { work: string; result: string }) => void;
}

function removeWithSidecars(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) removeFile(f);
}

/**
 * Rewrites one backup without the erased companies: a copy is opened and erased the way the
 * live database was (reapplyErasures, which also adds the entries to the copy's own ledger), then
 * written out compactly with `VACUUM INTO` (so no free page keeps a deleted name), flushed to disk
 * and renamed over the backup. The backup keeps its name, schema and time; a crash at any point
 * leaves either the old file or the new one under that name, and hidden temporaries that
 * removeBackupRewriteLeftovers recognises. Returns how many companies were erased from it.
 */
export function rewriteBackupWithout(
  backupFile: string,
  entries: readonly ErasureEntry[],
  opts: RewriteOptions = {},
): number {
  const files = backupRewriteTempPaths(backupFile);
  const step = (s: RewriteStep) => opts.onStep?.(s, files);
  try {
    copyFile(backupFile, files.work);
    step('copied');
    const db = new BetterSqlite3(files.work, { fileMustExist: true, nativeBinding: opts.nativeBinding });
    let erased: number;
    try {
      // A rollback journal in memory: the copy is thrown away if anything fails.
      db.pragma('journal_mode = MEMORY');
      db.pragma('foreign_keys = ON');
      db.pragma('secure_delete = ON');
      erased = reapplyErasures(db, entries);
      step('erased');
      db.prepare('VACUUM INTO ?').run(files.result);
      step('compacted');
    } finally {
      db.close();
    }
    removeWithSidecars(files.work);
    flushFile(files.result);
    step('synced');
    renameFile(files.result, backupFile);
    syncFolder(path.dirname(backupFile));
    step('renamed');
    return erased;
  } catch (err) {
    removeWithSidecars(files.work);
    removeFile(files.result);
    throw err;
  }
}

/** The entries a backup has not had applied yet (its ledger lacks them). */
function entriesMissingIn(file: string, entries: readonly ErasureEntry[], nativeBinding?: string): ErasureEntry[] {
  // Read-write although it only reads: a read-only connection to a backup in WAL mode (the
  // online backups are) leaves -wal and -shm files beside it; this one removes them on close.
  const db = new BetterSqlite3(file, { fileMustExist: true, nativeBinding });
  try {
    return missingEntries(db, entries);
  } finally {
    db.close();
  }
}

/**
 * Brings every backup in the folder up to the database's erasure ledger: each backup whose own
 * ledger lacks an entry is rewritten without those companies. Called right after an erasure and at
 * every start (which finishes a rewrite that was cut off). A backup that cannot be rewritten is
 * reported and left as it is: it is tried again at the next start, it ages out within the
 * rotation's cap, and a restore of it erases the companies before the file is used.
 */
export async function eraseFromBackups(
  db: Database,
  dbPath: string,
  opts: RewriteOptions = {},
): Promise<BackupErasureReport> {
  const report: BackupErasureReport = { rewritten: [], failed: [] };
  if (!isFileDb(dbPath)) return report;
  const entries = erasureLedger(db);
  if (entries.length === 0) return report;
  for (const b of listBackups(dbPath)) {
    try {
      const missing = entriesMissingIn(b.path, entries, opts.nativeBinding);
      if (missing.length === 0) continue;
      rewriteBackupWithout(b.path, missing, opts);
      report.rewritten.push(b.name);
    } catch (err) {
      report.failed.push({ name: b.name, reason: err instanceof Error ? err.message : String(err) });
    }
    // Each rewrite is synchronous; the app's other calls get their turn between backups.
    await new Promise((resolve) => setImmediate(resolve));
  }
  // The erased firms' attachment files, unless a backup that still names them could not be rewritten.
  if (report.rewritten.length) pruneBackupFolder(db, dbPath);
  return report;
}
