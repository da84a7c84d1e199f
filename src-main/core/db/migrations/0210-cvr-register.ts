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
  `);
}

export const cvrRegister: Migration = { version: 210, name: 'cvr-register', up };
