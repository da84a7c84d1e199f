import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { KOMMUNER } from '../../domain/kommuner';
import { ORGANISATION_SEED } from '../../domain/organisations';
import type { Migration } from '../migrate';

/**
 * The first schema: companies, contact persons, consultants, organisations, kommuner, saved views,
 * settings and the audit log. Tables are STRICT so a wrong type is an error, not a silent cast.
 */
function up(db: Database): void {
  db.exec(`
    CREATE TABLE kommuner (
      code INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      participating INTEGER NOT NULL DEFAULT 1 CHECK (participating IN (0, 1))
    ) STRICT;

    CREATE TABLE consultants (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      initials TEXT,
      email TEXT,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE organisations (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('erhvervshus','vaeksthus','lag','knowledge_institution','mentor',
        'private_consultant','bank','kommune','other')),
      address TEXT, postcode TEXT, city TEXT, email TEXT, phone TEXT, website TEXT,
      valid_from TEXT, valid_to TEXT, note TEXT,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE companies (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      record_type TEXT NOT NULL CHECK (record_type IN ('registered', 'unregistered')),
      cvr TEXT UNIQUE CHECK (cvr IS NULL OR (length(cvr) = 8 AND cvr NOT GLOB '*[^0-9]*')),
      p_number TEXT CHECK (p_number IS NULL OR (length(p_number) = 10 AND p_number NOT GLOB '*[^0-9]*')),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      name_sort TEXT NOT NULL,
      legal_form TEXT,
      address TEXT,
      postcode TEXT,
      city TEXT,
      kommune_code INTEGER REFERENCES kommuner(code),
      industry_code TEXT CHECK (industry_code IS NULL OR (length(industry_code) = 6 AND industry_code NOT GLOB '*[^0-9]*')),
      industry_system TEXT NOT NULL DEFAULT 'DB07',
      employees INTEGER CHECK (employees IS NULL OR employees >= 0),
      founded TEXT,
      phone TEXT,
      email TEXT,
      website TEXT,
      status TEXT NOT NULL DEFAULT 'identified' CHECK (status IN ('identified','contacted','visited',
        'needs_clarified','in_progress','closed')),
      status_reason TEXT,
      consultant_id INTEGER REFERENCES consultants(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX companies_name_sort ON companies(name_sort, id);
    CREATE INDEX companies_kommune ON companies(kommune_code, name_sort);
    CREATE INDEX companies_status ON companies(status, name_sort);
    CREATE INDEX companies_consultant ON companies(consultant_id, name_sort);
    CREATE INDEX companies_industry ON companies(industry_code);
    CREATE INDEX companies_updated ON companies(updated_at);

    CREATE TABLE contacts (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      role TEXT,
      phone TEXT,
      email TEXT,
      is_owner INTEGER NOT NULL DEFAULT 0 CHECK (is_owner IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX contacts_company ON contacts(company_id);

    -- Free-text search over name, CVR, owner and city. Trigram matches any substring of 3+ letters
    -- through the index, which LIKE '%…%' on 100,000 rows cannot.
    CREATE VIRTUAL TABLE companies_fts USING fts5(name, cvr, owner, city, tokenize = 'trigram');

    CREATE TRIGGER companies_fts_insert AFTER INSERT ON companies BEGIN
      INSERT INTO companies_fts(rowid, name, cvr, owner, city)
      VALUES (new.id, new.name, coalesce(new.cvr, ''), '', coalesce(new.city, ''));
    END;
    CREATE TRIGGER companies_fts_update AFTER UPDATE OF name, cvr, city ON companies BEGIN
      UPDATE companies_fts SET name = new.name, cvr = coalesce(new.cvr, ''), city = coalesce(new.city, '')
      WHERE rowid = new.id;
    END;
    CREATE TRIGGER companies_fts_delete AFTER DELETE ON companies BEGIN
      DELETE FROM companies_fts WHERE rowid = old.id;
    END;
    CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
      UPDATE companies_fts SET owner = (SELECT coalesce(group_concat(name, ' '), '') FROM contacts
        WHERE company_id = new.company_id) WHERE rowid = new.company_id;
    END;
    CREATE TRIGGER contacts_fts_update AFTER UPDATE OF name, company_id ON contacts BEGIN
      UPDATE companies_fts SET owner = (SELECT coalesce(group_concat(name, ' '), '') FROM contacts
        WHERE company_id = old.company_id) WHERE rowid = old.company_id;
      UPDATE companies_fts SET owner = (SELECT coalesce(group_concat(name, ' '), '') FROM contacts
        WHERE company_id = new.company_id) WHERE rowid = new.company_id;
    END;
    CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
      UPDATE companies_fts SET owner = (SELECT coalesce(group_concat(name, ' '), '') FROM contacts
        WHERE company_id = old.company_id) WHERE rowid = old.company_id;
    END;

    CREATE TABLE saved_views (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 80),
      state TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- Files Bindeled wrote (letters, exports): only these may be opened from the UI.
    CREATE TABLE written_files (
      id INTEGER PRIMARY KEY,
      path TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      sha256 TEXT,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id INTEGER NOT NULL,
      company_id INTEGER,
      action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'correct', 'anonymise')),
      before TEXT,
      after TEXT,
      reason TEXT
    ) STRICT;
    CREATE INDEX audit_company ON audit_log(company_id, at);
  `);

  const now = new Date().toISOString();
  const insertKommune = db.prepare('INSERT INTO kommuner(code, name) VALUES (?, ?)');
  for (const k of KOMMUNER) insertKommune.run(k.code, k.name);
  const insertOrg = db.prepare(
    `INSERT INTO organisations(uuid, name, type, city, valid_from, valid_to, note, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const o of ORGANISATION_SEED) {
    insertOrg.run(
      randomUUID(),
      o.name,
      o.type,
      o.city ?? null,
      o.validFrom ?? null,
      o.validTo ?? null,
      o.note ?? null,
      now,
    );
  }
}

export const initial: Migration = { version: 10, name: 'initial', up };
