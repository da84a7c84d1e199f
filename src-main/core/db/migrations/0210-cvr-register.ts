import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * What the CVR register says of a firm beyond its address: whether it is protected against
 * advertising (`reklamebeskyttet`) and whether it has ceased. Both stay NULL for a firm the
 * register has not been read for: unknown, not "no".
 *
 * `company_register` keeps the register's values from the last extract read for each firm, so the
 * next extract can tell a consultant's own correction (the stored value differs from what the
 * register said last time) from a change in the register (the stored value is what it said).
 *
 * The import log learns the new format: its CHECK is rebuilt with `cvr` added (nothing refers to it).
 */
function up(db: Database): void {
  db.exec(`
    ALTER TABLE companies ADD COLUMN reklamebeskyttet INTEGER CHECK (reklamebeskyttet BETWEEN 0 AND 1);
    ALTER TABLE companies ADD COLUMN ceased INTEGER CHECK (ceased BETWEEN 0 AND 1);
    CREATE TABLE company_register (
      company_id INTEGER PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
      register_values TEXT NOT NULL CHECK (json_valid(register_values)),
      read_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE import_runs_new (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      file_name TEXT NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('caseload', 'csv', 'xlsx', 'cvr')),
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      added INTEGER NOT NULL CHECK (added >= 0),
      updated INTEGER NOT NULL CHECK (updated >= 0),
      unchanged INTEGER NOT NULL CHECK (unchanged >= 0),
      skipped INTEGER NOT NULL CHECK (skipped >= 0)
    ) STRICT;
    INSERT INTO import_runs_new SELECT * FROM import_runs;
    DROP TABLE import_runs;
    ALTER TABLE import_runs_new RENAME TO import_runs;
    CREATE INDEX import_runs_at ON import_runs(at);
  `);
}

export const cvrRegister: Migration = { version: 210, name: 'cvr-register', up };
