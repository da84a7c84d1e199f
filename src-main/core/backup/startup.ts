import type { Database } from 'better-sqlite3';
import { pruneAccessLog } from '../privacy/access-log';
import type { BackupErasureReport } from '../privacy/privacy-types';
import { backupIfDue, rotateBackups } from './backup';
import type { BackupInfo } from './backup-types';
import { eraseFromBackups, removeBackupRewriteLeftovers } from './erase-in-backups';
import { removeStaleRestoreCopies } from './restore';

export interface StartupSafetyReport {
  backup: BackupInfo | null;
  accessLogPruned: number;
  staleRestoreCopies: number;
  /** Temporary files of a backup rewrite that was killed half-way. */
  staleBackupRewrites: number;
  /** Backups deleted by rotation (the age cap applies even when no backup was due). */
  rotatedOut: string[];
  /** Backups rewritten without companies erased since they were taken (a rewrite cut off before). */
  erasedFromBackups: BackupErasureReport;
}

/**
 * What a shell runs once the database is open: clear a restore or a backup rewrite that was
 * killed half-way, prune the access log to its retention, take the daily backup when the last is
 * a day old, rotate (so a backup past the age cap goes even on a day no backup is due) and finish
 * erasing from backups what the database has erased. The new backup is written before rotation
 * deletes old ones. The backup is online, so the window can be used while it runs; errors are the
 * caller's to log, never a reason not to start. A failed backup does not stop rotation and
 * erasure: its error is passed on after them.
 */
export async function startupSafety(
  db: Database,
  dbPath: string,
  now: Date = new Date(),
  nativeBinding?: string,
): Promise<StartupSafetyReport> {
  const staleRestoreCopies = dbPath === ':memory:' ? 0 : removeStaleRestoreCopies(dbPath);
  const staleBackupRewrites = removeBackupRewriteLeftovers(dbPath);
  const accessLogPruned = pruneAccessLog(db, now);
  let backup: BackupInfo | null = null;
  let backupError: unknown = null;
  try {
    backup = await backupIfDue(db, dbPath, { now });
  } catch (err) {
    backupError = err;
  }
  const rotatedOut = rotateBackups(dbPath, now);
  const erasedFromBackups = await eraseFromBackups(db, dbPath, { nativeBinding });
  if (backupError) throw backupError;
  return { backup, accessLogPruned, staleRestoreCopies, staleBackupRewrites, rotatedOut, erasedFromBackups };
}
