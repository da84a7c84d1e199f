import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { beginBulkLoad } from '../../../../src-main/core/db/bulk-load';
import { migrate } from '../../../../src-main/core/db/migrate';
import { WORDS_OF } from '../../../../src-main/core/db/migrations/0260-caseload-word-pieces';
import { caseloadWordsDocument } from '../../../../src-main/core/db/migrations/derived-data';
import { byTrigrams, byWords, expectSameAsTrigrams, piecesOf } from '../../../helpers/caseload-words';

/**
 * A bulk load writes the word index's documents with JS (derived-data.ts), the triggers with SQL
 * (migration 240). A contentless index forgets a firm only when given the same document again, so
 * the two must agree on every text the JS writes, and leave every other text to the SQL.
 */
const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function migrated(): Database {
  const db = new BetterSqlite3(':memory:');
  open.push(db);
  migrate(db);
  return db;
}

const sqlDocument = (db: Database, text: string) =>
  db
    .prepare(`WITH t(text) AS (SELECT ?) SELECT ${WORDS_OF('t.text')} FROM t`)
    .pluck()
    .get(text) as string;

/** Random texts from letters, digits, spaces (several in a row too) and the punctuation of firm names. */
function randomTexts(count: number): string[] {
  const alphabet = [...'abcæøåÆØÅéü019 -.&/\'"\t', ' ', '\u00a0', 'e\u0301'];
  let seed = 2011;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: next(90) }, () => alphabet[next(alphabet.length)]).join(''),
  );
}

describe("the word index's document written by JS", () => {
  it('is the document the SQL writes, for names, towns and contact persons of every shape', () => {
    const db = migrated();
    const texts = [
      '',
      'x',
      ' ',
      'Bøgelygård Maskinstation 12345678 Skærbæk Kirsten Smed-Hansen',
      '  Ådalens  Gårdbutik ',
      'A/S H.C. Andersens Vej',
      'Lystrup Tømrer- og Snedkerforretning ApS 87654321 Vester Hornum Ole Kvist Åge Østergård',
      'Supercalifragilisticexpialidocious-Kartoffelgården',
      ...randomTexts(400),
    ];
    for (const text of texts) expect(caseloadWordsDocument(text), JSON.stringify(text)).toBe(sqlDocument(db, text));
  });

  it('leaves to the SQL the texts JS would count differently: characters beyond the BMP, NUL, very long texts', () => {
    for (const text of ['Café 🍰 Bager', 'Navn\u0000Skjult', 'ord '.repeat(3_000), 42, null])
      expect(caseloadWordsDocument(text)).toBeNull();
  });

  it('loads firms in bulk that the triggers then index again and forget exactly', () => {
    const db = migrated();
    const names = ['Café 🍰 Bageriet', 'Bøgelygård Maskinstation', '  Ådalens  Gårdbutik ', ...randomTexts(60)];
    const insert = db.prepare(
      `INSERT INTO companies(uuid, record_type, name, name_sort, city, status, created_at, updated_at)
       VALUES (?, 'unregistered', ?, lower(?), 'Skærbæk', 'identified', '2026-12-07T10:00:00Z', '2026-12-07T10:00:00Z')`,
    );
    const contact = db.prepare(
      `INSERT INTO contacts(uuid, company_id, name, created_at, updated_at)
       VALUES (?, ?, ?, '2026-12-07T10:00:00Z', '2026-12-07T10:00:00Z')`,
    );
    db.transaction(() => {
      const bulk = beginBulkLoad(db, { tables: ['companies', 'contacts'] });
      names.forEach((name, i) => {
        const id = Number(insert.run(`u${i}`, name || 'Uden navn', name).lastInsertRowid);
        contact.run(`c${i}`, id, `Kirsten Ørnebjerg ${i}`);
      });
      bulk.finish();
    })();
    expect(byWords(db, 'bageriet')).toHaveLength(1);
    expect(byWords(db, 'nebjer')).toHaveLength(names.length);
    expectSameAsTrigrams(db);
    const pieces = piecesOf(db);

    // The update trigger deletes each firm's document by the SQL's text: a term the JS wrote and
    // the SQL would not leaves the firm found by its old name.
    db.prepare("UPDATE companies SET name = 'Omdøbt', city = NULL").run();
    db.prepare("UPDATE contacts SET name = 'Ny Person'").run();
    for (const word of ['bageriet', 'gelygår', 'gårdbutik', 'nebjer', 'skærbæk'])
      expect(byWords(db, word), word).toEqual([]);
    for (const word of pieces) expect(byWords(db, word), word).toEqual(byTrigrams(db, word));
  });
});
