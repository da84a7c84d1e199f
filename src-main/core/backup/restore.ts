import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { storeBeside, storeOf, tidyStore } from '../attachments/attachment-store';
import { latestVersion } from '../db/migrate';
import { openDatabase } from '../db/open';
import { DomainError } from '../errors';
import { copyFile, removeFile, renameFile } from '../files/file-ops';
import { tempPathIn } from '../files/leftovers';
import { flushFile, syncFolder } from '../files/staged-files';
import type { MessageKey } from '../messages';
import { reapplyErasures } from '../privacy/erase';
import { type ErasureEntry, erasureLedger } from '../privacy/erasure-ledger';
import { createBackup } from './backup';
import { copyNamedFiles } from './backup-files';
import type { BackupInfo, RestoreResult } from './backup-types';
import type { LiveDatabase } from './live-database';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export interface VerifiedCopy {
  /** A verified copy beside the database, ready to be renamed over it. */
  tempPath: string;
  schemaVersion: number;
  companyCount: number;
  /** Companies erased from the copy because the current database had erased them. */
  erasuresApplied: number;
}

function refuse(key: MessageKey, params: Record<string, unknown>): DomainError {
  return new DomainError('invalid_input', key, params);
}

function readMagic(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = fs.readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

function removeWithSidecars(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) removeFile(f);
}

/**
 * Copies `source` to a temporary file next to the database and checks the copy: an SQLite file,
 * `integrity_check` ok, a Bindeled caseload, a schema this version can read. The copy (not the
 * user's file) is what gets checked and later renamed into place, so the file cannot change
 * between check and use. The copy is then brought to this version's schema and every erasure in
 * `erasures` (the current database's ledger) is applied to it, so no company erased since the
 * file was made comes back, and the ledger carries over. Throws a DomainError with the reason when
 * refused; leaves no temp file.
 */
export function prepareRestore(
  dbPath: string,
  source: string,
  nativeBinding?: string,
  erasures: readonly ErasureEntry[] = [],
): VerifiedCopy {
  const from = path.resolve(source);
  const stat = fs.statSync(from, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new DomainError('not_found', 'restore.notFound', { path: source });
  if (path.resolve(dbPath) === from) throw refuse('restore.sameFile', { path: source });
  if (!readMagic(from).equals(SQLITE_MAGIC)) throw refuse('restore.notSqlite', { path: source });

  const tempPath = tempPathIn(path.dirname(path.resolve(dbPath)), 'restore');
  let db: BetterSqlite3.Database | null = null;
  try {
    copyFile(from, tempPath);
    // A database copied while open may keep recent changes in its WAL: take that along.
    if (fs.existsSync(`${from}-wal`)) copyFile(`${from}-wal`, `${tempPath}-wal`);
    try {
      db = new BetterSqlite3(tempPath, { fileMustExist: true, nativeBinding });
      const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
        (r) => r.integrity_check,
      );
      if (integrity.length !== 1 || integrity[0] !== 'ok') {
        throw refuse('restore.corrupt', { path: source, detail: integrity.slice(0, 3).join('; ') });
      }
    } catch (err) {
      if (err instanceof DomainError) throw err;
      throw refuse('restore.corrupt', { path: source, detail: err instanceof Error ? err.message : String(err) });
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestVersion()) {
      throw new DomainError('schema_too_new', 'restore.tooNew', { path: source, version, supported: latestVersion() });
    }
    const hasCompanies = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'companies'").get();
    if (version === 0 || !hasCompanies) throw refuse('restore.notBindeled', { path: source });
    db.close();
    // Migrated here, not after the swap: a migration that fails refuses the restore with the
    // database untouched, and no before-migration backup is made of a copy that may still hold
    // erased companies (the chosen file itself is the copy from before the migration).
    try {
      db = openDatabase(tempPath, { nativeBinding, beforeMigrate: null });
    } catch (err) {
      throw refuse('restore.migrateFailed', {
        path: source,
        detail: err instanceof Error ? err.message : String(err),
      });
    }
    const erasuresApplied = reapplyErasures(db, erasures);
    // A restored file is a fresh start: rewritten compactly, so no free page keeps an erased name.
    if (erasuresApplied > 0) db.exec('VACUUM');
    const companyCount = (db.prepare('SELECT count(*) AS n FROM companies').get() as { n: number }).n;
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    // Folds the WAL into the file, so the rename moves one self-contained file.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    db = null;
    for (const f of [`${tempPath}-wal`, `${tempPath}-shm`]) removeFile(f);
    flushFile(tempPath);
    return { tempPath, schemaVersion, companyCount, erasuresApplied };
  } catch (err) {
    db?.close();
    removeWithSidecars(tempPath);
    throw err;
  }
}

/**
 * Puts a verified copy in place of the closed database. An old WAL with frames in it means
 * another program still has the caseload open: renaming under it would mix two databases, so
 * the restore is refused instead. An empty WAL or a stale -shm is removed first; the rename is
 * atomic, so a crash leaves either the old file or the new one.
 */
export function swapInto(dbPath: string, tempPath: string): void {
  const wal = `${dbPath}-wal`;
  const walSize = fs.statSync(wal, { throwIfNoEntry: false })?.size ?? 0;
  if (walSize > 0) throw new DomainError('conflict', 'restore.busy', {});
  removeFile(wal);
  removeFile(`${dbPath}-shm`);
  renameFile(tempPath, dbPath);
  syncFolder(path.dirname(dbPath));
}

/**
 * Restores `source` over the running database: verify a copy, migrate it and erase from it what
 * the current database has erased, back up the current database, close the connection, rename the
 * copy into place and open it again. Nothing changes if any step before the rename fails.
 */
export async function restoreDatabase(live: LiveDatabase, source: string): Promise<RestoreResult> {
  const copy = prepareRestore(live.path, source, live.nativeBinding, erasureLedger(live.db));
  let safetyBackup: BackupInfo;
  try {
    safetyBackup = await createBackup(live.db, live.path, 'before-restore');
  } catch (err) {
    removeWithSidecars(copy.tempPath);
    throw err;
  }
  // The files the restored database names, from the attachments folder beside the chosen file,
  // into the live folder before the swap: a database that appears names only files that are there.
  let files: { missing: number };
  try {
    files = copyNamedFiles(live.db, copy.tempPath, storeBeside(source), live.path);
    live.replace(() => swapInto(live.path, copy.tempPath));
  } catch (err) {
    removeWithSidecars(copy.tempPath);
    tidyStore(live.db);
    throw err;
  }
  // Files only the replaced database named: they are in the safety backup taken above.
  if (storeOf(live.db)) tidyStore(live.db);
  return {
    restoredFrom: path.resolve(source),
    safetyBackup,
    schemaVersion: live.db.pragma('user_version', { simple: true }) as number,
    companyCount: copy.companyCount,
    erasuresApplied: copy.erasuresApplied,
    attachmentsMissing: files.missing,
  };
}
