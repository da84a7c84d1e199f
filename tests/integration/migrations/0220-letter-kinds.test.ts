import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/db/migrate';
import { type DatabaseAt, databaseAt, kept, rowsOf, schemaChange, schemaObjects } from './schema-at';

/** Migration 220 adds the consultant's own letter kinds and lets a document be of one. */
let at: DatabaseAt | undefined;
afterEach(() => at?.close());

const SHA = 'f'.repeat(64);
const kind = `INSERT INTO letter_kinds(uuid, name, subject, template_name, template_sha256, created_at, updated_at)
  VALUES (?, ?, ?, 'mine.docx', '${SHA}', '2024-06-01T10:00:00Z', '2024-06-01T10:00:00Z')`;
const doc = `INSERT INTO documents(uuid, company_id, kind, letter_kind_id, path, file_name, sha256, size_bytes,
  template_id, letter_date, created_at) VALUES (?, 1, ?, ?, '/tmp/x.docx', 'x.docx', '${'e'.repeat(64)}', 10,
  'own', '2024-06-01', '2024-06-01T10:00:00Z')`;

describe('migration 220 on a schema-210 database', () => {
  it('adds the letter kinds and changes only the documents table, keeping every document', () => {
    at = databaseAt(210);
    const { db } = at;
    const before = schemaObjects(db);
    const tables = ['documents', 'companies'];
    const rows = rowsOf(db, tables);
    expect((rows.documents ?? []).length).toBeGreaterThan(0);
    migrate(db, 220);
    expect(schemaChange(before, schemaObjects(db))).toEqual({
      added: ['index letter_kinds_name', 'table letter_kinds'],
      removed: [],
      changed: ['table documents'],
    });
    expect(rowsOf(db, tables)).toEqual(kept(rows));
    expect(db.prepare('SELECT count(*) AS n FROM documents WHERE letter_kind_id IS NOT NULL').get()).toEqual({ n: 0 });
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });

  it('records a document of an own kind only with its kind, and keeps a name unique among the active kinds', () => {
    at = databaseAt(210);
    const { db } = at;
    migrate(db, 220);
    const id = Number(db.prepare(kind).run('k1', 'Mentortilbud', 'visit').lastInsertRowid);
    db.prepare(doc).run('d1', 'custom', id);
    expect(() => db.prepare(doc).run('d2', 'custom', null)).toThrow(/CHECK/);
    expect(() => db.prepare(doc).run('d3', 'brev', id)).toThrow(/CHECK/);
    expect(() => db.prepare(doc).run('d4', 'custom', id + 100)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(kind).run('k2', 'Mentortilbud', 'company')).toThrow(/UNIQUE/);
    expect(() => db.prepare(kind).run('k3', 'Andet', 'memo')).toThrow(/CHECK/);
    // A kind with letters cannot be deleted from under them; retired, its name is free again.
    expect(() => db.prepare('DELETE FROM letter_kinds WHERE id = ?').run(id)).toThrow(/FOREIGN KEY/);
    db.prepare("UPDATE letter_kinds SET removed_at = '2024-07-01T00:00:00Z' WHERE id = ?").run(id);
    db.prepare(kind).run('k4', 'Mentortilbud', 'visit');
  });
});
