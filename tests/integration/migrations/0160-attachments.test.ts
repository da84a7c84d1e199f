import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/db/migrate';
import { type DatabaseAt, databaseAt, kept, rowsOf, schemaChange, schemaObjects } from './schema-at';

/** Migration 160 adds attachments (core/attachments, docs/documents.md). */
let at: DatabaseAt | undefined;
afterEach(() => at?.close());

const SHA = 'a'.repeat(64);

describe('migration 160 on a schema-120 database', () => {
  it('adds the attachments table and keeps every row', () => {
    at = databaseAt(120);
    const { db } = at;
    const before = schemaObjects(db);
    const rows = rowsOf(db, ['companies', 'visits', 'lag_applications', 'documents']);
    migrate(db, 160);
    expect(schemaChange(before, schemaObjects(db))).toEqual({
      added: ['index attachments_company', 'index attachments_sha256', 'table attachments'],
      removed: [],
      changed: [],
    });
    expect(rowsOf(db, ['companies', 'visits', 'lag_applications', 'documents'])).toEqual(kept(rows));
  });

  it('keeps an attachment with its firm when its visit goes, and removes it with the firm', () => {
    at = databaseAt(120);
    const { db } = at;
    migrate(db, 160);
    const visit = db.prepare('SELECT id, company_id FROM visits LIMIT 1').get() as { id: number; company_id: number };
    const insert = db.prepare(
      `INSERT INTO attachments(uuid, company_id, visit_id, name, media_type, size_bytes, sha256, added_by, created_at)
       VALUES (?, ?, ?, 'plan.pdf', 'application/pdf', 10, ?, 'Anne', '2012-03-14T09:30:00Z')`,
    );
    insert.run('u1', visit.company_id, visit.id, SHA);
    db.prepare('DELETE FROM visits WHERE id = ?').run(visit.id);
    expect(db.prepare('SELECT visit_id FROM attachments').get()).toEqual({ visit_id: null });
    expect(() =>
      db
        .prepare(
          `INSERT INTO attachments(uuid, company_id, name, media_type, size_bytes, sha256, added_by, created_at, annex)
           VALUES ('u2', ?, 'x', 't', 1, ?, 'a', 'n', 'menu')`,
        )
        .run(visit.company_id, SHA),
    ).toThrow(/CHECK/);
    db.prepare('DELETE FROM companies WHERE id = ?').run(visit.company_id);
    expect(db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 0 });
  });
});
