import type { Database } from 'better-sqlite3';
import { expect } from 'vitest';

/** Firms the word index (migration 240) finds for a word: a term starting with it. */
export const byWords = (db: Database, word: string) =>
  db.prepare('SELECT rowid FROM caseload_words WHERE caseload_words MATCH ? ORDER BY rowid').pluck().all(`"${word}"*`);

/** Firms the trigram indexes find for the same word: anywhere in the name, CVR, city or a contact's name. */
export const byTrigrams = (db: Database, word: string) =>
  db
    .prepare(
      `SELECT rowid FROM companies_fts WHERE companies_fts MATCH ?
       UNION SELECT rowid FROM company_contacts_fts WHERE company_contacts_fts MATCH ? ORDER BY 1`,
    )
    .pluck()
    .all(`"${word}"`, `"${word}"`);

/** Every piece of three letters or more of every word the firms are found by. */
export function piecesOf(db: Database): string[] {
  const texts = db.prepare('SELECT text FROM caseload_search_text').pluck().all() as string[];
  const pieces = new Set<string>();
  for (const text of texts)
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
      for (let i = 0; i < word.length; i++) for (let j = i + 3; j <= word.length; j++) pieces.add(word.slice(i, j));
  return [...pieces];
}

/** The word index finds, for every piece of every word, the firms the trigram indexes find. */
export function expectSameAsTrigrams(db: Database): void {
  const pieces = piecesOf(db);
  expect(pieces.length).toBeGreaterThan(20);
  for (const word of [...pieces, 'GÅRD', 'gard', 'zzz']) expect(byWords(db, word), word).toEqual(byTrigrams(db, word));
}

/** A firm added beside a fixture's firms (its status and stamps copied from the first); its id. */
export function addFirm(db: Database, firm: { uuid: string; name: string; city: string }): number {
  const row = db
    .prepare(
      `INSERT INTO companies(uuid, record_type, name, name_sort, city, status, created_at, updated_at)
       SELECT @uuid, 'unregistered', @name, lower(@name), @city, status, created_at, updated_at FROM companies LIMIT 1 RETURNING id`,
    )
    .get(firm) as { id: number };
  return row.id;
}

/** A contact person of a firm; its id. */
export function addContact(db: Database, uuid: string, companyId: number, name: string): number {
  const row = db
    .prepare(
      `INSERT INTO contacts(uuid, company_id, name, created_at, updated_at)
       VALUES (?, ?, ?, '2026-12-07T10:00:00Z', '2026-12-07T10:00:00Z') RETURNING id`,
    )
    .get(uuid, companyId, name) as { id: number };
  return row.id;
}

/** FTS5's own check of the word index; it throws when the index is damaged. */
export function expectIndexIntact(db: Database): void {
  expect(
    db.prepare(`INSERT INTO caseload_words(caseload_words, rank) VALUES ('integrity-check', 0)`).run(),
  ).toBeTruthy();
}
