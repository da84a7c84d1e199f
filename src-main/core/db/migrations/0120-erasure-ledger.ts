import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * The erasure ledger: one row per company erased under GDPR, holding only what is needed to find
 * that company again in an older copy of the caseload (a backup, a file kept elsewhere) and erase
 * it there too. No name, no address: the id it had here, its random uuid (which a caseload file
 * carries along), keyed hashes of its CVR and P-number, and when it was erased. `hash_key` is the
 * HMAC key, the same on every row a caseload writes; it travels with each row so that rows carried
 * over from another caseload can still be matched with their own key.
 *
 * `erased_company_id`, not `company_id`: the row belongs to no company in this database, and the
 * privacy code treats every table with a `company_id` as data about the company with that id
 * (ids can be given out again after an erasure).
 *
 * IF NOT EXISTS because erasing from a backup made by an earlier schema adds this table to the
 * backup without migrating it (src-main/core/backup/erase-in-backups.ts); when such a backup is
 * restored, this migration keeps the rows it already has.
 */
export const ERASURE_LEDGER_DDL = `
  CREATE TABLE IF NOT EXISTS erasure_ledger (
    id INTEGER PRIMARY KEY,
    erased_company_id INTEGER NOT NULL,
    company_uuid TEXT NOT NULL,
    hash_key BLOB NOT NULL CHECK (length(hash_key) = 32),
    cvr_hash TEXT,
    p_number_hash TEXT,
    erased_at TEXT NOT NULL,
    UNIQUE (company_uuid, erased_at)
  ) STRICT;
`;

function up(db: Database): void {
  db.exec(ERASURE_LEDGER_DDL);
}

export const erasureLedger: Migration = { version: 120, name: 'erasure-ledger', up };
