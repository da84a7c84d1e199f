import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { removeFile, renameFile } from '../files/file-ops';
import { tempPathBeside, tempPathIn } from '../files/leftovers';
import { commitStaged, discardStaged, flushFile, stageFiles, syncFolder } from '../files/staged-files';
import { copyBackupFiles, pruneBackupFiles } from './backup-files';
import { backupDir, backupFileName, parseBackupFileName } from './backup-names';
import type { BackupInfo, BackupReason } from './backup-types';
import { backupsToDelete, DEFAULT_ROTATION, type RotationPolicy } from './rotation';

export interface BackupOptions {
  now?: Date;
  policy?: RotationPolicy;
}

const DAY_MS = 86_400_000;

export function isFileDb(dbPath: string): boolean {
  return dbPath !== '' && dbPath !== ':memory:';
}

function info(file: string): BackupInfo | null {
  const parsed = parseBackupFileName(path.basename(file));
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!parsed || !stat?.isFile()) return null;
  return {
    name: path.basename(file),
    path: file,
    createdAt: parsed.at.toISOString(),
    reason: parsed.reason,
    schemaVersion: parsed.schemaVersion,
    sizeBytes: stat.size,
  };
}

/** A name in the folder that is not taken yet (two backups in the same millisecond get a later stamp). */
function freshTarget(dir: string, at: Date, version: number, reason: BackupReason): { file: string; at: Date } {
  let t = at;
  for (;;) {
    const file = path.join(dir, backupFileName(t, version, reason));
    if (!fs.existsSync(file)) return { file, at: t };
    t = new Date(t.getTime() + 1);
  }
}

function schemaOf(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Online backup with SQLite's backup API: the app keeps working while pages are copied. Written
 * to a hidden temporary name (files/leftovers.ts) and renamed when complete, so a crash never
 * leaves half a backup that looks whole. Rotation runs afterwards.
 */
export async function createBackup(
  db: Database,
  dbPath: string,
  reason: BackupReason,
  opts: BackupOptions = {},
): Promise<BackupInfo> {
  const dir = backupDir(dbPath);
  fs.mkdirSync(dir, { recursive: true });
  const target = freshTarget(dir, opts.now ?? new Date(), schemaOf(db), reason);
  await copyOnline(db, target.file);
  rotateBackups(dbPath, opts.now ?? new Date(), opts.policy);
  pruneBackupFolder(db, dbPath);
  return info(target.file) as BackupInfo;
}

/**
 * `backup --out FILE`: the same online copy to a file of the user's choosing, outside rotation.
 * That folder is not one of Bindeled's, so the temporary file is journalled (files/staged-files.ts)
 * for the next start to find after a crash.
 */
export async function backupToFile(db: Database, outFile: string): Promise<{ path: string; sizeBytes: number }> {
  const file = path.resolve(outFile);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = tempPathBeside(file, 'backup');
  stageFiles(db, [temp]);
  try {
    await db.backup(temp);
    flushFile(temp);
    // Its attachments go to the attachments folder beside the chosen file, before the file appears.
    copyBackupFiles(db, temp, file);
    commitStaged(db, [{ temp, target: file, mayReplace: true }], () => undefined);
  } catch (err) {
    discardStaged(db, [temp]);
    throw err;
  }
  return { path: file, sizeBytes: fs.statSync(file).size };
}

async function copyOnline(db: Database, file: string): Promise<void> {
  const temp = tempPathBeside(file, 'backup');
  try {
    await db.backup(temp);
    flushFile(temp);
    copyBackupFiles(db, temp, file);
    renameFile(temp, file);
    syncFolder(path.dirname(file));
  } catch (err) {
    removeFile(temp);
    throw err;
  }
}

/**
 * The synchronous form, for the one place that cannot await: `openDatabase`'s beforeMigrate hook,
 * which runs before anything else uses the connection. `VACUUM INTO` writes a consistent,
 * compact copy (user_version included) in one statement.
 */
export function createBackupSync(
  db: Database,
  dbPath: string,
  reason: BackupReason,
  opts: BackupOptions = {},
): BackupInfo {
  const dir = backupDir(dbPath);
  fs.mkdirSync(dir, { recursive: true });
  const target = freshTarget(dir, opts.now ?? new Date(), schemaOf(db), reason);
  const temp = tempPathIn(dir, 'backup');
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    flushFile(temp);
    copyBackupFiles(db, temp, target.file);
    renameFile(temp, target.file);
    syncFolder(dir);
  } catch (err) {
    removeFile(temp);
    throw err;
  }
  rotateBackups(dbPath, opts.now ?? new Date(), opts.policy);
  pruneBackupFolder(db, dbPath);
  return info(target.file) as BackupInfo;
}

/** The backups in the folder beside the database, newest first. Files with other names are ignored. */
export function listBackups(dbPath: string): BackupInfo[] {
  if (!isFileDb(dbPath)) return [];
  const dir = backupDir(dbPath);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => info(path.join(dir, name)))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Deletes the backups the rotation rule no longer keeps; returns their names. */
export function rotateBackups(dbPath: string, now: Date, policy: RotationPolicy = DEFAULT_ROTATION): string[] {
  const all = listBackups(dbPath).map((b) => ({ ...b, at: new Date(b.createdAt) }));
  const doomed = backupsToDelete(all, now, policy);
  for (const b of doomed) removeFile(b.path);
  return doomed.map((b) => b.name);
}

/** Removes attachment files in the backups folder that no backup there names any more. */
export function pruneBackupFolder(db: Database, dbPath: string): number {
  if (!isFileDb(dbPath)) return 0;
  return pruneBackupFiles(
    db,
    backupDir(dbPath),
    listBackups(dbPath).map((b) => b.path),
  );
}

/** At start: a backup when the newest one is more than a day old (or there is none). */
export async function backupIfDue(db: Database, dbPath: string, opts: BackupOptions = {}): Promise<BackupInfo | null> {
  if (!isFileDb(dbPath)) return null;
  const now = opts.now ?? new Date();
  const newest = listBackups(dbPath)[0];
  if (newest && now.getTime() - new Date(newest.createdAt).getTime() < DAY_MS) return null;
  return createBackup(db, dbPath, 'daily', opts);
}

/**
 * For the import: call and await it before the import's transaction starts, so the
 * caseload as it was can be restored if the import turns out wrong. A database in memory has
 * nothing to back up.
 */
export async function backupBeforeImport(db: Database, dbPath: string): Promise<BackupInfo | null> {
  if (!isFileDb(dbPath)) return null;
  return createBackup(db, dbPath, 'before-import');
}

/** The hook `openDatabase` uses by default: a copy of an existing database before its schema changes. */
export function backupBeforeMigrate(dbPath: string) {
  return (db: Database, from: number): void => {
    // A brand-new file (version 0) holds nothing to lose.
    if (from === 0 || !isFileDb(dbPath)) return;
    createBackupSync(db, dbPath, 'before-migration');
  };
}
export type { BackupInfo, BackupReason } from './backup-types';
