import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { defaultDocumentsDir, uploadsDir } from '../app/paths';
import { relocateDocument } from '../documents/document-repo';
import { documentsFolder } from '../documents/generate';
import { describeLeftovers, type LeftoversReport, removedCount, sweepLeftovers } from '../files/leftovers';
import { pruneAccessLog } from '../privacy/access-log';
import { backupIfDue } from './backup';
import { backupDir } from './backup-names';
import type { BackupInfo } from './backup-types';

export interface StartupSafetyReport {
  leftovers: LeftoversReport;
  backup: BackupInfo | null;
  accessLogPruned: number;
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
  return sweepLeftovers(db, {
    folders: ownFolders(db, dbPath),
    onMoved: (from, to) => relocateDocument(db, from, to),
    now,
  });
}

/**
 * What a shell runs once the database is open: settle what a crash left (synchronously, before
 * this returns), prune the access log to its retention, and take the daily backup when the last
 * is a day old. The backup is online, so the window can be used while it runs; errors are the
 * caller's to log, never a reason not to start.
 */
export async function startupSafety(
  db: Database,
  dbPath: string,
  now: Date = new Date(),
): Promise<StartupSafetyReport> {
  const leftovers = clearLeftovers(db, dbPath);
  const accessLogPruned = pruneAccessLog(db, now);
  const backup = await backupIfDue(db, dbPath, { now });
  return { leftovers, backup, accessLogPruned };
}

/**
 * startupSafety as the desktop app and browser mode run it: the leftovers are settled before this
 * returns, the rest goes on in the background; what was settled and any failure go to the log.
 */
export function startupSafetyInBackground(
  db: Database,
  dbPath: string,
  log: (line: string) => void = console.error,
): Promise<StartupSafetyReport | null> {
  return startupSafety(db, dbPath).then(
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
