import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * The free letter ("Brev") is a document kind of its own, so the documents table's CHECK takes
 * `brev`. SQLite cannot change a CHECK in place: the table is copied into one with the new
 * constraint, the same columns in the same order, and its index made again (as in 0181).
 */
function up(db: Database): void {
  db.exec(`
    CREATE TABLE documents_next (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('vaeksthus', 'lag', 'visit-summary', 'deminimis', 'brev')),
      path TEXT NOT NULL,
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
      template_id TEXT NOT NULL,
      referral_id INTEGER REFERENCES referrals(id) ON DELETE SET NULL,
      lag_application_id INTEGER REFERENCES lag_applications(id) ON DELETE SET NULL,
      -- No foreign key: visits belong to another migration and may be deleted on their own schedule.
      visit_id INTEGER,
      letter_date TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    INSERT INTO documents_next SELECT * FROM documents;
    DROP TABLE documents;
    ALTER TABLE documents_next RENAME TO documents;
    CREATE INDEX documents_company ON documents(company_id, created_at);
  `);
}

export const freeLetters: Migration = { version: 200, name: 'free-letters', up };
