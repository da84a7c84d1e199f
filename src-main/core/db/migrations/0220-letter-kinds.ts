import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * Letter kinds of the consultant's own: a name, what the letter is about (its subject decides
 * which placeholders it may use and which record it is made from) and its template, kept in the
 * attachments store by content (`template_sha256`), so it survives the original being moved and
 * travels with the backups. A kind that letters were made of is retired (`removed_at`) rather than
 * deleted: those letters keep the name they were made under.
 *
 * A document made of such a kind is stored as `custom` with its `letter_kind_id`; the documents
 * table is copied into one with the new CHECK and column (SQLite cannot change a CHECK in place).
 */
function up(db: Database): void {
  db.exec(`
    CREATE TABLE letter_kinds (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
      subject TEXT NOT NULL CHECK (subject IN ('company', 'referral', 'lag', 'visit', 'network')),
      template_name TEXT NOT NULL,
      template_sha256 TEXT NOT NULL CHECK (length(template_sha256) = 64),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      removed_at TEXT
    ) STRICT;
    CREATE UNIQUE INDEX letter_kinds_name ON letter_kinds(name) WHERE removed_at IS NULL;
    CREATE TABLE documents_next (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('vaeksthus', 'lag', 'visit-summary', 'deminimis', 'brev', 'custom')),
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
      created_at TEXT NOT NULL,
      letter_kind_id INTEGER REFERENCES letter_kinds(id),
      CHECK ((kind = 'custom') = (letter_kind_id IS NOT NULL))
    ) STRICT;
    INSERT INTO documents_next SELECT *, NULL FROM documents;
    DROP TABLE documents;
    ALTER TABLE documents_next RENAME TO documents;
    CREATE INDEX documents_company ON documents(company_id, created_at);
  `);
}

export const letterKinds: Migration = { version: 220, name: 'letter-kinds', up };
