import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/db/migrate';
import { type DatabaseAt, databaseAt, kept, rowsOf, schemaChange, schemaObjects } from './schema-at';

/** Migration 190 adds tags on firms, kept joined on the firm's row (core/tags). */
let at: DatabaseAt | undefined;
afterEach(() => at?.close());

const tagsText = (at: DatabaseAt, id: number) =>
  (at.db.prepare('SELECT tags_text AS t FROM companies WHERE id = ?').get(id) as { t: string | null }).t;

describe('migration 190 on a schema-181 database', () => {
  it('adds the tag tables, the joined column and its triggers, and keeps every row', () => {
    at = databaseAt(181);
    const { db } = at;
    const before = schemaObjects(db);
    const rows = rowsOf(db, ['companies', 'visits', 'contacts']);
    migrate(db, 190);
    expect(schemaChange(before, schemaObjects(db))).toEqual({
      added: [
        'index company_tags_tag',
        'table company_tags',
        'table tags',
        'trigger company_tags_text_delete',
        'trigger company_tags_text_insert',
        'trigger company_tags_text_update',
        'trigger tags_text_rename',
      ],
      removed: [],
      changed: ['table companies'],
    });
    const after = rowsOf(db, ['companies', 'visits', 'contacts']);
    for (const row of after.companies ?? []) expect(row.tags_text).toBeNull();
    expect(after).toEqual(kept(rows));
  });

  it('keeps the firm’s tags joined in name order through links, renames and deletions', () => {
    at = databaseAt(181);
    const { db } = at;
    migrate(db, 190);
    const [a, b] = db.prepare('SELECT id FROM companies ORDER BY id LIMIT 2').pluck().all() as number[];
    if (a === undefined || b === undefined) throw new Error('fixture has two firms');
    const tag = db.prepare(
      `INSERT INTO tags(uuid, name, name_key, created_at) VALUES (?, ?, ?, '2026-12-07T10:00:00Z') RETURNING id`,
    );
    const food = (tag.get('t1', 'Fødevarer', 'fødevarer') as { id: number }).id;
    const succ = (tag.get('t2', 'Generationsskifte 2027', 'generationsskifte 2027') as { id: number }).id;
    const link = db.prepare('INSERT INTO company_tags(company_id, tag_id) VALUES (?, ?)');
    link.run(a, succ);
    link.run(a, food);
    link.run(b, food);
    expect(tagsText(at, a)).toBe('Fødevarer; Generationsskifte 2027');
    expect(() => link.run(a, food)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => tag.get('t3', 'FØDEVARER', 'fødevarer')).toThrow(/UNIQUE/);

    db.prepare(`UPDATE tags SET name = 'Lokale fødevarer', name_key = 'lokale fødevarer' WHERE id = ?`).run(food);
    expect(tagsText(at, a)).toBe('Generationsskifte 2027; Lokale fødevarer');
    expect(tagsText(at, b)).toBe('Lokale fødevarer');

    db.prepare('DELETE FROM tags WHERE id = ?').run(food);
    expect(tagsText(at, a)).toBe('Generationsskifte 2027');
    expect(tagsText(at, b)).toBeNull();

    db.prepare('DELETE FROM companies WHERE id = ?').run(a);
    expect(db.prepare('SELECT count(*) AS n FROM company_tags').get()).toEqual({ n: 0 });
  });
});
