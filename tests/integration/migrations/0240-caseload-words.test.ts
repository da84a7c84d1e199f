import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/db/migrate';
import {
  addContact,
  addFirm,
  byTrigrams,
  byWords,
  expectIndexIntact,
  expectSameAsTrigrams,
} from '../../helpers/caseload-words';
import { type DatabaseAt, databaseAt, kept, rowsOf, schemaChange, schemaObjects } from './schema-at';

/** Migration 240 adds a word index of the firms' names, CVR, cities and contact persons. */
let at: DatabaseAt | undefined;
afterEach(() => at?.close());

describe('migration 240 on a schema-230 database', () => {
  it('adds the word index, its text per firm and its triggers, and keeps every row', () => {
    at = databaseAt(230);
    const { db } = at;
    const before = schemaObjects(db);
    const rows = rowsOf(db, ['companies', 'contacts', 'visits']);
    migrate(db, 240);
    expect(schemaChange(before, schemaObjects(db))).toEqual({
      added: [
        'table caseload_search_text',
        'table caseload_word_positions',
        'table caseload_words',
        'trigger caseload_words_contact_delete',
        'trigger caseload_words_contact_insert',
        'trigger caseload_words_contact_update',
        'trigger caseload_words_delete',
        'trigger caseload_words_insert',
        'trigger caseload_words_update',
      ],
      removed: [],
      changed: [],
    });
    expect(rowsOf(db, ['companies', 'contacts', 'visits'])).toEqual(kept(rows));
    expect(byWords(db, 'gård')).toEqual(byTrigrams(db, 'gård'));
    expect(byWords(db, 'gård').length).toBeGreaterThan(0);
    expectSameAsTrigrams(db);
  });

  it('finds what the trigram indexes find after firms and contacts are added, renamed, moved and deleted', () => {
    at = databaseAt(230);
    const { db } = at;
    migrate(db, 240);
    const [a, b] = db.prepare('SELECT id FROM companies ORDER BY id LIMIT 2').pluck().all() as [number, number];
    const c = addFirm(db, { uuid: 'w1', name: 'Bøgelygård Maskinstation', city: 'Skærbæk' });
    const p = addContact(db, 'p1', c, 'Kirsten Smed-Hansen');
    addContact(db, 'p2', a, 'Åge Østergård');
    expect(byWords(db, 'gelygår')).toEqual([c]);
    expect(byWords(db, 'hansen')).toContain(c);
    expectSameAsTrigrams(db);

    db.prepare('UPDATE companies SET name = ?, city = NULL WHERE id = ?').run('Lystrup Tømrer', c);
    db.prepare('UPDATE contacts SET name = ?, company_id = ? WHERE id = ?').run('Kirsten Jensen', b, p);
    expect(byWords(db, 'bøgely')).toEqual([]);
    expect(byWords(db, 'hansen')).not.toContain(c);
    expect(byWords(db, 'jensen')).toContain(b);
    expectSameAsTrigrams(db);

    db.prepare('DELETE FROM contacts WHERE id = ?').run(p);
    db.prepare('DELETE FROM companies WHERE id = ?').run(c);
    expect(byWords(db, 'tømrer')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM caseload_search_text WHERE id = ?').pluck().get(c)).toBe(0);
    expectSameAsTrigrams(db);
    expectIndexIntact(db);
  });
});
