import type { Database } from 'better-sqlite3';
import { pruneAccessLog } from '../privacy/access-log';
import { backupIfDue } from './backup';
import type { BackupInfo } from './backup-types';
import { removeStaleRestoreCopies } from './restore';

export interface StartupSafetyReport {
  backup: BackupInfo | null;
  accessLogPruned: number;
  staleRestoreCopies: number;
}

/**
 * What a shell runs once the database is open: clear a restore that was killed half-way, prune
 * the access log to its retention, and take the daily backup when the last is a day old. The
 * backup is online, so the window can be used while it runs; errors are the caller's to log,
 * never a reason not to start.
 */
export async function startupSafety(
  db: Database,
  dbPath: string,
  now: Date = new Date(),
): Promise<StartupSafetyReport> {
  const staleRestoreCopies = dbPath === ':memory:' ? 0 : removeStaleRestoreCopies(dbPath);
  const accessLogPruned = pruneAccessLog(db, now);
  const backup = await backupIfDue(db, dbPath, { now });
  return { backup, accessLogPruned, staleRestoreCopies };
}
