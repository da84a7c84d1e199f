import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * The journal of files Bindeled is writing under a hidden temporary name (files/staged-files.ts).
 * A row is added before the temporary file is made, so a start after a crash finds it in any
 * folder. `target_path` stays NULL until the transaction that records the file (documents,
 * written_files) also promises its rename; from then on the next start carries the rename out
 * rather than removing the file. `may_replace` says whether the target may be replaced (an export the
 * user named) or the file takes the next free name instead (a letter). Rows live for seconds.
 */
function up(db: Database): void {
  db.exec(`
    CREATE TABLE file_writes (
      temp_path TEXT PRIMARY KEY,
      target_path TEXT,
      may_replace INTEGER NOT NULL DEFAULT 0 CHECK (may_replace IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;
  `);
}

export const fileWrites: Migration = { version: 110, name: 'file-writes', up };
