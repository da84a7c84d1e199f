import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * Attachments: files a consultant keeps with a firm, and optionally with one of its visits,
 * referrals or LAG applications (core/attachments). The bytes live outside the database, in the
 * attachments folder beside it, named by their SHA-256 (`sha256`), so the same file attached twice
 * is stored once. `annex` marks the file as one of a LAG application's usual annexes.
 *
 * A visit, referral or application that is deleted leaves its files with the firm (SET NULL); the
 * firm's erasure removes them (CASCADE, and the store drops bytes no row names any more).
 */
function up(db: Database): void {
  db.exec(`
    CREATE TABLE attachments (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      visit_id INTEGER REFERENCES visits(id) ON DELETE SET NULL,
      referral_id INTEGER REFERENCES referrals(id) ON DELETE SET NULL,
      lag_application_id INTEGER REFERENCES lag_applications(id) ON DELETE SET NULL,
      annex TEXT CHECK (annex IN ('business_plan', 'quote', 'accounts')),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
      media_type TEXT NOT NULL,
      size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      added_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      CHECK ((visit_id IS NOT NULL) + (referral_id IS NOT NULL) + (lag_application_id IS NOT NULL) <= 1)
    ) STRICT;
    CREATE INDEX attachments_company ON attachments(company_id, created_at);
    CREATE INDEX attachments_sha256 ON attachments(sha256);
  `);
}

export const attachments: Migration = { version: 160, name: 'attachments', up };
