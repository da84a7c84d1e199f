import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/db/migrate';
import {
  addContact,
  addFirm,
  byWords,
  expectIndexIntact,
  expectSameAsTrigrams,
  piecesOf,
} from '../../helpers/caseload-words';
import { type DatabaseAt, databaseAt, kept, rowsOf, schemaChange, schemaObjects } from './schema-at';

/**
 * Migration 260 rebuilds the word index with pieces that end at the word's end and prefix indexes
 * of 3 to 6 characters, and makes its triggers again for the new documents.
 */
let at: DatabaseAt | undefined;
afterEach(() => at?.close());

const ftsOptions = (db: DatabaseAt['db']) =>
  db.prepare("SELECT sql FROM sqlite_master WHERE name = 'caseload_words'").pluck().get() as string;

describe('migration 260 on a schema-250 database', () => {
  it('rebuilds the word index and its triggers, finding the same firms for every piece of every word', () => {
    at = databaseAt(250);
    const { db } = at;
    const before = schemaObjects(db);
    const rows = rowsOf(db, ['companies', 'contacts', 'caseload_search_text']);
    const words = [...piecesOf(db), 'GÅRD', 'gard', 'zzz'];
    const found = words.map((w) => byWords(db, w));
    migrate(db, 260);
    expect(schemaChange(before, schemaObjects(db))).toEqual({
      added: [],
      removed: [],
      changed: [
        'table caseload_words',
        'trigger caseload_words_contact_delete',
        'trigger caseload_words_contact_insert',
        'trigger caseload_words_contact_update',
        'trigger caseload_words_delete',
        'trigger caseload_words_insert',
        'trigger caseload_words_update',
      ],
    });
    expect(ftsOptions(db)).toMatch(/prefix = '3 4 5 6'/);
    expect(rowsOf(db, ['companies', 'contacts', 'caseload_search_text'])).toEqual(kept(rows));
    expect(words.map((w) => byWords(db, w))).toEqual(found);
    expectSameAsTrigrams(db);
  });

  it('keeps the rebuilt index in step as firms and contacts are added, renamed, moved and deleted', () => {
    at = databaseAt(250);
    const { db } = at;
    migrate(db, 260);
    const c = addFirm(db, { uuid: 'w1', name: 'Bøgelygård Maskinstation', city: 'Skærbæk' });
    addContact(db, 'p1', c, 'Kirsten Smed-Hansen');
    expect(byWords(db, 'maskinstat')).toEqual([c]);
    expectSameAsTrigrams(db);
    db.prepare('UPDATE companies SET name = ? WHERE id = ?').run('Lystrup Tømrer', c);
    expect(byWords(db, 'maskinstat')).toEqual([]);
    expect(byWords(db, 'tømrer')).toEqual([c]);
    db.prepare('DELETE FROM companies WHERE id = ?').run(c);
    expect(byWords(db, 'tømrer')).toEqual([]);
    expectSameAsTrigrams(db);
    expectIndexIntact(db);
  });
});
