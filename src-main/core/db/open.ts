import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { backupBeforeMigrate } from '../backup/backup';
import { DomainError } from '../errors';
import { latestVersion, migrate } from './migrate';

export type Db = Database;

export interface OpenOptions {
  /** Path to a better-sqlite3 `.node` built for Electron's ABI; the Node build is used when absent. */
  nativeBinding?: string;
  readonly?: boolean;
  /**
   * Called before migrations change an existing database. Defaults to a backup in `backups/`
   * beside the file; `null` turns it off (tests that build fixtures).
   */
  beforeMigrate?: ((db: Database, from: number, to: number) => void) | null;
}

/**
 * Opens (creating if needed) a caseload database and brings its schema up to date.
 * A file written by a newer Bindeled is refused rather than guessed at.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new BetterSqlite3(file, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
  });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted personal data must not linger in free pages (GDPR, docs/domain.md).
    db.pragma('secure_delete = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestVersion()) {
      throw new DomainError('schema_too_new', 'database.schemaTooNew', { file, version, supported: latestVersion() });
    }
    if (!options.readonly) {
      const hook = options.beforeMigrate === undefined ? backupBeforeMigrate(file) : options.beforeMigrate;
      if (version < latestVersion()) hook?.(db, version, latestVersion());
      migrate(db);
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
