import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/db/migrate';
import { type DatabaseAt, databaseAt, kept, rowsOf, schemaChange, schemaObjects } from './schema-at';

/** Migration 200 lets the documents table hold the free letter (core/documents/kinds/free-letter.ts). */
let at: DatabaseAt | undefined;
afterEach(() => at?.close());

const insert = `INSERT INTO documents(uuid, company_id, kind, path, file_name, sha256, size_bytes, template_id,
  letter_date, created_at) VALUES (?, 1, ?, '/tmp/x.docx', 'x.docx', '${'e'.repeat(64)}', 10, 'builtin', '2024-06-01',
  '2024-06-01T10:00:00Z')`;

describe('migration 200 on a schema-190 database', () => {
  it('changes only the documents table and keeps every document, its index and its firm link', () => {
    at = databaseAt(190);
    const { db } = at;
    const before = schemaObjects(db);
    const tables = ['documents', 'companies', 'tags'];
    const rows = rowsOf(db, tables);
    expect((rows.documents ?? []).length).toBeGreaterThan(0);
    migrate(db, 200);
    expect(schemaChange(before, schemaObjects(db))).toEqual({ added: [], removed: [], changed: ['table documents'] });
    expect(rowsOf(db, tables)).toEqual(kept(rows));
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });

  it('accepts a free letter and still refuses an unknown kind', () => {
    at = databaseAt(190);
    const { db } = at;
    expect(() => db.prepare(insert).run('d0', 'brev')).toThrow(/CHECK/);
    migrate(db, 200);
    db.prepare(insert).run('d1', 'brev');
    expect(() => db.prepare(insert).run('d2', 'memo')).toThrow(/CHECK/);
    db.prepare('DELETE FROM companies WHERE id = 1').run();
    expect(db.prepare("SELECT count(*) AS n FROM documents WHERE uuid = 'd1'").get()).toEqual({ n: 0 });
  });
});
