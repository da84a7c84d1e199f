import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { defaultDocumentsDir, uploadsDir } from '../app/paths';
import { storeBeside, tidyStore } from '../attachments/attachment-store';
import { withShared } from '../db/write-gate';
import { relocateDocument } from '../documents/document-repo';
import { documentsFolder } from '../documents/generate';
import { describeLeftovers, type LeftoversReport, removedCount, sweepLeftovers } from '../files/leftovers';
import { pruneAccessLog } from '../privacy/access-log';
import type { BackupErasureReport } from '../privacy/privacy-types';
import { backupIfDue, pruneBackupFolder, rotateBackups } from './backup';
import { backupDir } from './backup-names';
import type { BackupInfo } from './backup-types';
import { eraseFromBackups, removeBackupRewriteLeftovers } from './erase-in-backups';

export interface StartupSafetyReport {
  leftovers: LeftoversReport;
  backup: BackupInfo | null;
  accessLogPruned: number;
  /** Temporary files of a backup rewrite that was killed half-way (they may hold an erased firm). */
  staleBackupRewrites: number;
  /** Backups deleted by rotation (the age cap applies even when no backup was due). */
  rotatedOut: string[];
  /** Backups rewritten without companies erased since they were taken (a rewrite cut off before). */
  erasedFromBackups: BackupErasureReport;
}

/**
 * Bindeled's own folders: beside the database (restore copies, the logo), backups, uploads
 * (browser mode) and the documents folders. Folders the user chose are found from the journal
 * and from the files Bindeled recorded there.
 */
function ownFolders(db: Database, dbPath: string): string[] {
  const folders = [documentsFolder(db)];
  if (dbPath !== ':memory:') {
    folders.push(
      path.dirname(path.resolve(dbPath)),
      backupDir(dbPath),
      uploadsDir(dbPath),
      defaultDocumentsDir(dbPath),
      storeBeside(dbPath),
      storeBeside(path.join(backupDir(dbPath), 'x')),
    );
  }
  return folders;
}

/**
 * What a crash or a kill left of Bindeled's writes, settled: a batch of letters (or an export)
 * whose records were committed is finished, every other temporary file is removed. Every shell
 * runs it as soon as the database is open (the desktop app and browser mode in startupSafety,
 * every CLI command in runCli), before anything else is written.
 */
export function clearLeftovers(db: Database, dbPath: string, now = Date.now()): LeftoversReport {
  const report = sweepLeftovers(db, {
    folders: ownFolders(db, dbPath),
    onMoved: (from, to) => relocateDocument(db, from, to),
    now,
  });
  // Attachment files no row names: a removal or an import killed between its two steps.
  tidyStore(db);
  return report;
}

/**
 * What a shell runs once the database is open: settle what a crash left (synchronously, before
 * the first await), prune the access log to its retention, take the daily backup when the last is
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
  // A killed backup rewrite's work copy still holds the erased firm: it goes first, whoever wrote it.
  const staleBackupRewrites = removeBackupRewriteLeftovers(dbPath);
  // Leftovers are judged by the real clock: their age says whether a writer may still run.
  const leftovers = clearLeftovers(db, dbPath);
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
  pruneBackupFolder(db, dbPath);
  if (backupError) throw backupError;
  return { leftovers, backup, accessLogPruned, staleBackupRewrites, rotatedOut, erasedFromBackups };
}

/**
 * startupSafety as the desktop app and browser mode run it: the leftovers are settled before this
 * returns, the rest goes on in the background; what was settled and any failure go to the log.
 */
export function startupSafetyInBackground(
  db: Database,
  dbPath: string,
  log: (line: string) => void = console.error,
  nativeBinding?: string,
): Promise<StartupSafetyReport | null> {
  // Held like a call (db/write-gate.ts): its backup reads the connection across awaits.
  return withShared(db, () => startupSafety(db, dbPath, new Date(), nativeBinding)).then(
    (report) => {
      const { leftovers } = report;
      if (leftovers.finished > 0 || removedCount(leftovers) > 0) log(`[bindeled] ${describeLeftovers(leftovers)}`);
      return report;
    },
    (err: unknown) => {
      log(`[bindeled] start-up safety failed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    },
  );
}
