import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/db/migrate';
import { KOMMUNER } from '../../../src-main/core/domain/kommuner';
import { ORGANISATION_SEED } from '../../../src-main/core/domain/organisations';
import { type DatabaseAt, databaseAt, schemaChange, schemaObjects } from './schema-at';

/** Migration 10, the first schema, on an empty file. */
let at: DatabaseAt;
beforeEach(() => {
  at = databaseAt(0);
});
afterEach(() => at.close());

const addCompany = (name: string, extra: Record<string, unknown> = {}) => {
  const row = { uuid: `u-${name}`, record_type: 'unregistered', name, name_sort: name.toLowerCase(), ...extra };
  const cols = Object.keys(row);
  return Number(
    at.db
      .prepare(
        `INSERT INTO companies(${cols.join(', ')}, created_at, updated_at) VALUES (${cols.map(() => '?').join(', ')}, 'x', 'x')`,
      )
      .run(...Object.values(row)).lastInsertRowid,
  );
};
const found = (query: string) =>
  at.db.prepare('SELECT rowid FROM companies_fts WHERE companies_fts MATCH ? ORDER BY rowid').pluck().all(query);

describe('migration 10 (initial)', () => {
  it('creates the caseload tables with their indexes, and seeds the kommuner and organisations', () => {
    const before = schemaObjects(at.db);
    expect(migrate(at.db, 10)).toBe(10);
    expect(at.db.pragma('user_version', { simple: true })).toBe(10);
    expect(schemaChange(before, schemaObjects(at.db))).toEqual({
      added: [
        'index audit_company',
        'index companies_consultant',
        'index companies_industry',
        'index companies_kommune',
        'index companies_name_sort',
        'index companies_status',
        'index companies_updated',
        'index contacts_company',
        'table audit_log',
        'table companies',
        'table companies_fts',
        'table consultants',
        'table contacts',
        'table kommuner',
        'table organisations',
        'table saved_views',
        'table settings',
        'table written_files',
        'trigger companies_fts_delete',
        'trigger companies_fts_insert',
        'trigger companies_fts_update',
        'trigger contacts_fts_delete',
        'trigger contacts_fts_insert',
        'trigger contacts_fts_update',
      ],
      removed: [],
      changed: [],
    });
    expect(at.db.prepare('SELECT code, name FROM kommuner ORDER BY code').all()).toEqual(
      [...KOMMUNER].sort((a, b) => a.code - b.code).map((k) => ({ code: k.code, name: k.name })),
    );
    expect(at.db.prepare('SELECT name FROM organisations ORDER BY id').pluck().all()).toEqual(
      ORGANISATION_SEED.map((o) => o.name),
    );
  });

  it('refuses wrong types and malformed numbers: the tables are STRICT and checked', () => {
    migrate(at.db, 10);
    expect(() => addCompany('Smedjen', { employees: 'mange' })).toThrow(/cannot store TEXT/);
    expect(() => addCompany('Smedjen', { cvr: '1234' })).toThrow(/CHECK/);
    expect(() => addCompany('Smedjen', { status: 'glemt' })).toThrow(/CHECK/);
    expect(() => addCompany('Smedjen', { kommune_code: 1 })).toThrow(/FOREIGN KEY/);
    expect(() => addCompany('')).toThrow(/CHECK/);
    addCompany('Smedjen', { cvr: '13748136', kommune_code: 710 });
    expect(() => addCompany('Smedjen igen', { cvr: '13748136' })).toThrow(/UNIQUE/);
    expect(at.db.prepare('SELECT name, cvr, status FROM companies').all()).toEqual([
      { name: 'Smedjen', cvr: '13748136', status: 'identified' },
    ]);
  });

  it('keeps the search index in step with the firms and their contact persons', () => {
    migrate(at.db, 10);
    const smedjen = addCompany('Smedjen i Ry', { cvr: '13748136', city: 'Ry' });
    addCompany('Ådalens Gårdbutik', { city: 'Hadsten' });
    const contact = at.db.prepare(
      `INSERT INTO contacts(uuid, company_id, name, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')`,
    );
    contact.run('k1', smedjen, 'Søren Ærbø');
    expect(found('smedjen')).toEqual([smedjen]);
    expect(found('374813')).toEqual([smedjen]);
    expect(found('ærbø')).toEqual([smedjen]);
    at.db.prepare("UPDATE companies SET city = 'Skanderborg' WHERE id = ?").run(smedjen);
    expect(found('skanderborg')).toEqual([smedjen]);
    at.db.prepare("UPDATE contacts SET name = 'Jens Hansen' WHERE uuid = 'k1'").run();
    expect(found('ærbø')).toEqual([]);
    expect(found('hansen')).toEqual([smedjen]);
    // A firm's contact persons and its index row go with it.
    at.db.prepare('DELETE FROM companies WHERE id = ?').run(smedjen);
    expect(at.db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0);
    expect(found('smedjen')).toEqual([]);
    expect(at.db.prepare('SELECT count(*) FROM companies_fts').pluck().get()).toBe(1);
  });
});
