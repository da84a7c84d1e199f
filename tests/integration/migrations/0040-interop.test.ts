import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/db/migrate';
import { seedUuid } from '../../../src-main/core/db/migrations/0040-interop';
import { type DatabaseAt, databaseAt, kept, rowsOf, schemaChange, schemaObjects } from './schema-at';

/** Migration 40 (caseload files and spreadsheet import) on the database schema 30 left. */
let at: DatabaseAt;
beforeEach(() => {
  at = databaseAt(30);
});
afterEach(() => at.close());

const TABLES = ['companies', 'contacts', 'visits', 'referrals', 'lag_applications', 'documents', 'audit_log'];
const organisations = (db = at.db) =>
  db.prepare('SELECT id, type, name, uuid, created_at FROM organisations ORDER BY id').all() as Array<{
    id: number;
    type: string;
    name: string;
    uuid: string;
    created_at: string;
  }>;

describe('migration 40 (interop) on a schema-30 database', () => {
  it('adds the remembered column mappings and the import history, and keeps every row', () => {
    const before = schemaObjects(at.db);
    const rows = rowsOf(at.db, TABLES);
    expect(migrate(at.db, 40)).toBe(40);
    expect(schemaChange(before, schemaObjects(at.db))).toEqual({
      added: ['index import_runs_at', 'table import_mappings', 'table import_runs'],
      removed: [],
      changed: [],
    });
    expect(rowsOf(at.db, TABLES)).toEqual(kept(rows));
    expect(at.db.prepare('SELECT count(*) FROM import_runs').pluck().get()).toBe(0);
  });

  it('gives each seeded organisation one uuid and creation stamp, the same in every database', () => {
    const before = organisations();
    expect(new Set(before.map((o) => o.created_at)).size).toBe(1);
    expect(before.some((o) => o.created_at === '2000-01-01T00:00:00Z')).toBe(false);
    migrate(at.db, 40);
    const after = organisations();
    expect(after).toEqual(
      before.map((o) => ({ ...o, uuid: seedUuid(o.type, o.name), created_at: '2000-01-01T00:00:00Z' })),
    );
    const other = databaseAt(30);
    try {
      migrate(other.db, 40);
      expect(organisations(other.db).map((o) => o.uuid)).toEqual(after.map((o) => o.uuid));
    } finally {
      other.close();
    }
  });

  it('refuses an import run or a mapping the importer could not have written', () => {
    migrate(at.db, 40);
    const run = at.db.prepare(
      `INSERT INTO import_runs(at, actor, file_name, format, sha256, added, updated, unchanged, skipped)
       VALUES ('2024-05-01T10:00:00Z', 'Karen', 'liste.csv', ?, ?, ?, 0, 0, 0)`,
    );
    const sha = 'a'.repeat(64);
    expect(() => run.run('pdf', sha, 1)).toThrow(/CHECK/);
    expect(() => run.run('csv', 'abc', 1)).toThrow(/CHECK/);
    expect(() => run.run('csv', sha, -1)).toThrow(/CHECK/);
    run.run('xlsx', sha, 12);
    const mapping = at.db.prepare(
      `INSERT INTO import_mappings(signature, headers, mapping, used_at) VALUES (?, ?, '{"Navn":"name"}', 'x')`,
    );
    expect(() => mapping.run('kort', '["Navn"]')).toThrow(/CHECK/);
    expect(() => mapping.run('b'.repeat(64), 'Navn;CVR')).toThrow(/CHECK/);
    mapping.run('b'.repeat(64), '["Navn"]');
    expect(at.db.prepare('SELECT format, added FROM import_runs').all()).toEqual([{ format: 'xlsx', added: 12 }]);
    expect(at.db.prepare('SELECT count(*) FROM import_mappings').pluck().get()).toBe(1);
  });
});
