import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/db/migrate';
import { type DatabaseAt, databaseAt, kept, rowsOf, schemaChange, schemaObjects } from './schema-at';

/** Migration 210 adds what the CVR register says of a firm, and the register's last values per firm. */
let at: DatabaseAt | undefined;
afterEach(() => at?.close());

describe('migration 210 on a schema-200 database', () => {
  it('adds the two register columns, the register table and the cvr format to the import log, and keeps every row with both unknown', () => {
    at = databaseAt(200);
    const { db } = at;
    const before = schemaObjects(db);
    const rows = rowsOf(db, ['companies', 'visits', 'contacts', 'import_runs']);
    migrate(db, 210);
    expect(schemaChange(before, schemaObjects(db))).toEqual({
      added: ['table company_register'],
      removed: [],
      changed: ['table companies', 'table import_runs'],
    });
    const after = rowsOf(db, ['companies', 'visits', 'contacts', 'import_runs']);
    for (const row of after.companies ?? []) {
      expect(row.reklamebeskyttet).toBeNull();
      expect(row.ceased).toBeNull();
    }
    expect(after).toEqual(kept(rows));
  });

  it('accepts only yes or no, and ties the register values to their firm', () => {
    at = databaseAt(200);
    const { db } = at;
    migrate(db, 210);
    const id = db.prepare('SELECT id FROM companies ORDER BY id LIMIT 1').pluck().get() as number;
    db.prepare('UPDATE companies SET reklamebeskyttet = 1, ceased = 0 WHERE id = ?').run(id);
    expect(() => db.prepare('UPDATE companies SET ceased = 2 WHERE id = ?').run(id)).toThrow(/CHECK/);
    db.prepare(`INSERT INTO company_register(company_id, register_values, read_at) VALUES (?, '{}', 'x')`).run(id);
    expect(() =>
      db.prepare(`INSERT INTO company_register(company_id, register_values, read_at) VALUES (?, 'no', 'x')`).run(id),
    ).toThrow();
    const fk = db.pragma('foreign_key_list(company_register)') as Array<{ table: string; on_delete: string }>;
    db.prepare(
      `INSERT INTO import_runs(at, actor, file_name, format, sha256, added, updated, unchanged, skipped)
       VALUES ('2026-12-07T10:00:00Z', 'Lone', 'cvr.jsonl', 'cvr', ?, 1, 0, 0, 0)`,
    ).run('a'.repeat(64));
    expect(fk).toEqual([expect.objectContaining({ table: 'companies', on_delete: 'CASCADE' })]);
  });
});
