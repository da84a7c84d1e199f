import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * The de minimis ledger's entries typed by hand: aid a firm received from elsewhere (a kommune, a
 * ministry, another programme). Grants Bindeled records itself (a Væksthus referral's grant, an
 * approved LAG application) are read from their own rows, so they are never written twice.
 * Amounts are euro cents, since the ceilings are set in euro, and optionally the øre granted.
 */
function up(db: Database): void {
  db.exec(`
    CREATE TABLE de_minimis_aid (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      granted_on TEXT NOT NULL CHECK (granted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      grantor TEXT NOT NULL CHECK (length(grantor) BETWEEN 1 AND 200),
      scheme TEXT CHECK (scheme IS NULL OR length(scheme) <= 200),
      sector TEXT NOT NULL DEFAULT 'general' CHECK (sector IN ('general', 'agriculture', 'fisheries')),
      amount_eur_cents INTEGER NOT NULL CHECK (amount_eur_cents > 0),
      amount_ore INTEGER CHECK (amount_ore IS NULL OR amount_ore > 0),
      note TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX de_minimis_aid_company ON de_minimis_aid(company_id, granted_on);
  `);
}

export const deMinimisAid: Migration = { version: 180, name: 'de-minimis-aid', up };
