/**
 * Builds the fixture database for one schema version, for the migration tests:
 *
 *   npx tsx scripts/make-schema-fixture.ts 20          → tests/fixtures/schema-v20.db
 *   npx tsx scripts/make-schema-fixture.ts --snapshot  → tests/fixtures/schema-snapshot.sql
 *
 * A fixture is made by running the migrations up to VERSION on an empty file and inserting
 * representative rows with the columns that version has (Danish letters, NULLs, closed cases,
 * an audit trail). Make one for the current latest version when you add the next migration, and
 * commit it: tests/integration/migrations/fixtures.test.ts opens every fixture with the new code
 * and checks that every row and value survived. When your migration adds tables, add a seed for
 * them below under its version, so later migrations are tested against data in them too.
 *
 * --snapshot writes the schema (sqlite_master) of a fresh database: the shipped-columns guard in
 * tests/integration/migrations/schema-guard.test.ts compares every later schema against it.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { latestVersion, migrate } from '../src-main/core/db/migrate';
import { migrations } from '../src-main/core/db/migrations';
import { openDatabase } from '../src-main/core/db/open';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const STAMP = '2012-03-14T09:30:00Z';

function tableExists(db: Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Rows for the tables each migration added, inserted when the fixture's version has them. */
const SEEDS: Record<number, (db: Database) => void> = {
  10: (db) => {
    db.exec(`
      INSERT INTO consultants(id, uuid, name, initials, email, created_at)
        VALUES (1, 'fixture-consultant-1', 'Karen Sørensen', 'KS', 'ks@erhverv.dk', '${STAMP}');
      INSERT INTO companies(id, uuid, record_type, cvr, p_number, name, name_sort, legal_form, address, postcode, city,
          kommune_code, industry_code, employees, founded, phone, email, website, status, status_reason,
          consultant_id, created_at, updated_at)
        VALUES
        (1, 'fixture-company-1', 'registered', '13748136', '1003388461', 'Ådalens Gårdbutik', 'ådalens gårdbutik',
          'enkeltmand', 'Ådalsvej 3', '8370', 'Hadsten', 710, '471100', 3, '2009-04-01', '+45 86 98 12 34',
          'mette@aadalen.dk', 'https://aadalen.dk', 'in_progress', NULL, 1, '${STAMP}', '${STAMP}'),
        (2, 'fixture-company-2', 'unregistered', NULL, NULL, 'Idé: mobilt bageri', 'ide: mobilt bageri',
          NULL, NULL, NULL, NULL, 706, NULL, NULL, NULL, NULL, NULL, NULL, 'identified', NULL, NULL,
          '${STAMP}', '${STAMP}'),
        (3, 'fixture-company-3', 'registered', '24256790', NULL, 'Smedjen i Ry ApS', 'smedjen i ry aps', 'aps',
          'Skanderborgvej 1', '8680', 'Ry', 746, '259900', 8, '1998-01-01', NULL, NULL, NULL, 'closed',
          'Ejeren gik på pension', 1, '${STAMP}', '2013-06-30T12:00:00Z');
      INSERT INTO contacts(id, uuid, company_id, name, role, phone, email, is_owner, created_at, updated_at) VALUES
        (1, 'fixture-contact-1', 1, 'Mette Jensen', 'Ejer', '+45 20 30 40 50', 'mette@aadalen.dk', 1, '${STAMP}', '${STAMP}'),
        (2, 'fixture-contact-2', 3, 'Søren Ærbø', 'Direktør', NULL, NULL, 1, '${STAMP}', '${STAMP}');
      INSERT INTO saved_views(id, name, state, created_at, updated_at)
        VALUES (1, 'Mine i Favrskov', '{"filters":{"kommune":[710]},"sort":[],"search":""}', '${STAMP}', '${STAMP}');
      INSERT INTO settings(key, value) VALUES ('user.name', '"Karen Sørensen"'), ('ui.language', '"da"');
      INSERT INTO written_files(id, path, kind, sha256, created_at)
        VALUES (1, '/home/karen/Dokumenter/Henvisning - Ådalens Gårdbutik.docx', 'letter', NULL, '${STAMP}');
      INSERT INTO audit_log(id, at, actor, entity, entity_id, company_id, action, before, after, reason) VALUES
        (1, '${STAMP}', 'Karen Sørensen', 'company', 1, 1, 'create', NULL, '{"name":"Ådalens Gårdbutik"}', NULL),
        (2, '2013-06-30T12:00:00Z', 'Karen Sørensen', 'company', 3, 3, 'update', '{"status":"in_progress"}',
          '{"status":"closed"}', NULL);
    `);
  },
  20: (db) => {
    db.exec(`
      INSERT INTO visits(id, uuid, company_id, date, start_time, duration_minutes, type, consultant_id, location,
          business_description, needs_text, potential, advice_given, next_steps, notes, created_at, updated_at)
        VALUES (1, 'fixture-visit-1', 1, '2012-03-14', '09:30', 90, 'visit', 1, 'Gårdbutikken',
          'Gårdbutik med egne æbler', 'Finansiering af kølerum', 4, 1, 'Henvis til Væksthus', 'Mette vil udvide',
          '${STAMP}', '${STAMP}');
      INSERT INTO visit_needs(visit_id, need) VALUES (1, 'financing'), (1, 'sales_marketing');
      INSERT INTO visit_participants(visit_id, contact_id) VALUES (1, 1);
      INSERT INTO followups(id, uuid, company_id, visit_id, title, description, due_date, consultant_id, created_at, updated_at)
        VALUES (1, 'fixture-followup-1', 1, 1, 'Send henvisning', NULL, '2012-03-28', 1, '${STAMP}', '${STAMP}');
      INSERT INTO form_drafts(key, company_id, payload, updated_at)
        VALUES ('visit:1:new', 1, '{"notes":"kladde"}', '${STAMP}');
    `);
  },
  30: (db) => {
    const org = (type: string) =>
      (db.prepare('SELECT id FROM organisations WHERE type = ? ORDER BY id LIMIT 1').get(type) as { id: number }).id;
    const vaeksthus = org('vaeksthus');
    const lag = org('lag');
    db.exec(`
      INSERT INTO referrals(id, uuid, company_id, organisation_id, contact_id, consultant_id, reason, needs, status,
          sent_at, outcome, outcome_amount_ore, outcome_on, created_at, updated_at)
        VALUES (1, 'fixture-referral-1', 1, ${vaeksthus}, 1, 1, 'Behov for specialiseret rådgivning', '["financing"]',
          'closed', '2012-03-20', 'grant_awarded', 2500000, '2012-06-01', '${STAMP}', '${STAMP}');
      INSERT INTO lag_applications(id, uuid, company_id, lag_id, title, status, submitted_at, grant_requested_ore,
          created_at, updated_at)
        VALUES (1, 'fixture-lag-1', 1, ${lag}, 'Kølerum til gårdbutik', 'submitted', '2012-04-01', 7500000,
          '${STAMP}', '${STAMP}');
      INSERT INTO lag_budget_lines(id, application_id, position, category, description, supplier, amount_ore)
        VALUES (1, 1, 1, 'Anlæg', 'Kølerum 12 m²', 'Køleteknik A/S', 15000000);
      INSERT INTO knowledge_contacts(id, uuid, company_id, person_name, type, contact_on, topic, created_at, updated_at)
        VALUES (1, 'fixture-knowledge-1', 1, 'Forsker på AU Foulum', 'researcher', '2012-05-02', 'Æblesorter',
          '${STAMP}', '${STAMP}');
      INSERT INTO networks(id, uuid, name, founded_on, kommune_code, created_at, updated_at)
        VALUES (1, 'fixture-network-1', 'Gårdbutikker i Favrskov', '2012-09-01', 710, '${STAMP}', '${STAMP}');
      INSERT INTO network_members(id, network_id, company_id, joined_on) VALUES (1, 1, 1, '2012-09-01');
      INSERT INTO network_meetings(id, network_id, held_on, place, attendees) VALUES (1, 1, '2012-10-01', 'Hadsten', 7);
      INSERT INTO documents(id, uuid, company_id, kind, path, file_name, sha256, size_bytes, template_id, referral_id,
          letter_date, created_at)
        VALUES (1, 'fixture-document-1', 1, 'vaeksthus', '/home/karen/Dokumenter/Henvisning - Ådalens Gårdbutik.docx',
          'Henvisning - Ådalens Gårdbutik.docx', '${'a'.repeat(64)}', 12345, 'vaeksthus-v1', 1, '2012-03-20',
          '${STAMP}');
    `);
  },
  40: (db) => {
    if (!tableExists(db, 'import_runs')) return;
    db.exec(`
      INSERT INTO import_runs(id, at, actor, file_name, format, sha256, added, updated, unchanged, skipped)
        VALUES (1, '${STAMP}', 'Karen Sørensen', 'virksomheder.csv', 'csv', '${'b'.repeat(64)}', 2, 0, 0, 1);
    `);
  },
  50: (db) => {
    db.exec(`
      INSERT INTO access_log(id, at, actor, transport, action, method, company_id, detail)
        VALUES (1, '${STAMP}', 'Karen Sørensen', 'electron', 'read', 'companies.get', 1, NULL);
    `);
  },
  110: (db) => {
    // A letter being written when the fixture was taken: journalled, not yet committed.
    db.exec(`
      INSERT INTO file_writes(temp_path, target_path, may_replace, created_at)
        VALUES ('/home/karen/Dokumenter/.bindeled-letter-1a2b3c-4242-0123456789ab.tmp', NULL, 0, '${STAMP}');
    `);
  },
  120: (db) => {
    // A company erased before the fixture was made: only its old id, uuid and keyed hashes.
    db.exec(`
      INSERT INTO erasure_ledger(id, erased_company_id, company_uuid, hash_key, cvr_hash, p_number_hash, erased_at)
        VALUES (1, 4, 'fixture-erased-4', zeroblob(32), '${'c'.repeat(64)}', NULL, '${STAMP}');
    `);
  },
  160: (db) => {
    // A business plan attached to the first company (its bytes are not part of a fixture).
    db.exec(`
      INSERT INTO attachments(id, uuid, company_id, name, media_type, size_bytes, sha256, added_by, created_at)
        VALUES (1, 'fixture-attachment-1', 1, 'Forretningsplan Ådalen.pdf', 'application/pdf', 48213,
          '${'d'.repeat(64)}', 'Karen Sørensen', '${STAMP}');
    `);
  },
  180: (db) => {
    // Aid from a kommune the first company received, typed into its de minimis ledger.
    db.exec(`
      INSERT INTO de_minimis_aid(id, uuid, company_id, granted_on, grantor, scheme, sector, amount_eur_cents,
          amount_ore, note, created_at)
        VALUES (1, 'fixture-aid-1', 1, '2011-05-02', 'Favrskov Kommune', 'Iværksætterpulje', 'general', 670208,
          5000000, 'Tilsagn af 2. maj 2011', '${STAMP}');
    `);
  },
};

export function makeFixture(version: number, file: string): void {
  if (!migrations.some((m) => m.version === version)) {
    throw new Error(`No migration has version ${version}; known: ${migrations.map((m) => m.version).join(', ')}`);
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const db = new BetterSqlite3(file);
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  db.transaction(() => {
    for (const [v, seed] of Object.entries(SEEDS)) if (Number(v) <= version) seed(db);
  })();
  // One self-contained, compact file in rollback-journal mode, so git stores no WAL beside it.
  db.pragma('journal_mode = DELETE');
  db.exec('VACUUM');
  db.close();
}

export function schemaSnapshot(): string {
  const db = openDatabase(':memory:');
  const rows = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
       ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, name`,
    )
    .all() as Array<{ type: string; name: string; sql: string }>;
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql)).map((r) => r.name);
  const shadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`));
  db.close();
  const body = rows
    .filter((r) => !shadow(r.name))
    .map((r) => `${r.sql};`)
    .join('\n\n');
  return `-- Bindeled schema ${latestVersion()} as shipped (sqlite_master of a new database).\n-- Written by: npx tsx scripts/make-schema-fixture.ts --snapshot\n-- Columns listed here may be added to, never removed or changed (tests/integration/migrations/schema-guard.test.ts).\n\n${body}\n`;
}

function main(): void {
  const arg = process.argv[2];
  if (arg === '--snapshot') {
    const out = path.join(FIXTURES, 'schema-snapshot.sql');
    fs.writeFileSync(out, schemaSnapshot());
    console.log(`Wrote ${path.relative(ROOT, out)} (schema ${latestVersion()})`);
    return;
  }
  const version = Number(arg);
  if (!Number.isInteger(version) || version <= 0) {
    console.error('Usage: npx tsx scripts/make-schema-fixture.ts VERSION | --snapshot');
    process.exit(2);
  }
  const out = path.join(FIXTURES, `schema-v${version}.db`);
  makeFixture(version, out);
  console.log(`Wrote ${path.relative(ROOT, out)} (schema ${version})`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();
