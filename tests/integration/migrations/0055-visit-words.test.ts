import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/db/migrate';
import { type DatabaseAt, databaseAt, kept, rowsOf, schemaChange, schemaObjects } from './schema-at';

/** Migration 55 (one row per visit in the caseload's index of visit notes) on the database schema 50 left. */
let at: DatabaseAt;
beforeEach(() => {
  at = databaseAt(50);
});
afterEach(() => at.close());

const TABLES = ['companies', 'visits', 'visit_needs', 'visit_participants', 'followups'];
/** The index row of a visit: the firm in the high 32 bits. */
const rowOf = (companyId: number, visitId: number) => companyId * 2 ** 32 + visitId;
const matches = (query: string) =>
  at.db
    .prepare('SELECT rowid FROM company_notes_fts WHERE company_notes_fts MATCH ? ORDER BY rowid')
    .pluck()
    .all(query);
const addVisit = (companyId: number, notes: string) =>
  Number(
    at.db
      .prepare(
        `INSERT INTO visits(uuid, company_id, date, type, notes, created_at, updated_at)
         VALUES (?, ?, '2024-05-01', 'visit', ?, 'x', 'x')`,
      )
      .run(`v-${notes}`, companyId, notes).lastInsertRowid,
  );

describe('migration 55 (visit words) on a schema-50 database', () => {
  it('replaces the per-firm triggers with per-visit ones, and keeps every row', () => {
    const before = schemaObjects(at.db);
    const rows = rowsOf(at.db, TABLES);
    expect(migrate(at.db, 55)).toBe(55);
    expect(schemaChange(before, schemaObjects(at.db))).toEqual({
      added: ['trigger company_notes_delete', 'trigger company_notes_insert', 'trigger company_notes_update'],
      removed: [
        'trigger company_notes_after_delete',
        'trigger company_notes_after_insert',
        'trigger company_notes_after_update',
        'trigger company_notes_before_delete',
        'trigger company_notes_before_insert',
        'trigger company_notes_before_update',
      ],
      changed: [],
    });
    expect(rowsOf(at.db, TABLES)).toEqual(kept(rows));
    expect(at.db.prepare("SELECT v FROM company_notes_fts_config WHERE k = 'secure-delete'").pluck().get()).toBe(1);
  });

  it('indexes the visit already stored under its firm and visit, by every field of its notes', () => {
    migrate(at.db, 55);
    // Fixture visit 1 of firm 1: "Gårdbutik med egne æbler", "Finansiering af kølerum", "Henvis til
    // Væksthus", "Mette vil udvide".
    for (const word of ['gårdbutik', 'æbler', 'kølerum', 'væksthus', 'udvide', 'køle*'])
      expect([word, matches(word)]).toEqual([word, [rowOf(1, 1)]]);
    expect(at.db.prepare('SELECT count(*) FROM company_notes_fts').pluck().get()).toBe(1);
  });

  it('adds, re-indexes and forgets one visit without touching the firm’s other visits', () => {
    migrate(at.db, 55);
    const second = addVisit(1, 'Nyt kølerum bestilt');
    const other = addVisit(3, 'Solceller på laden');
    expect(matches('kølerum')).toEqual([rowOf(1, 1), rowOf(1, second)]);
    expect(matches('solceller')).toEqual([rowOf(3, other)]);
    at.db.prepare("UPDATE visits SET notes = 'Vindmølle på marken' WHERE id = ?").run(other);
    expect(matches('solceller')).toEqual([]);
    expect(matches('vindmølle')).toEqual([rowOf(3, other)]);
    at.db.prepare('DELETE FROM visits WHERE id = ?').run(second);
    expect(matches('kølerum')).toEqual([rowOf(1, 1)]);
    expect(matches('bestilt')).toEqual([]);
  });
});
