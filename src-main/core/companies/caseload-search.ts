import type { Database } from 'better-sqlite3';
import { stmt } from '../db/sql';
import { normaliseCvr } from '../domain/cvr';
import { ftsPrefixTerm } from '../visits/fts-query';

/**
 * The words of a caseload search, as both ways of answering it read them: a CVR number is one
 * word; words of one or two letters are `short`, the rest `long`.
 */
export interface SearchWords {
  long: string[];
  short: string[];
}

export function searchWords(search: string): SearchWords {
  const text = search.trim();
  if (!text) return { long: [], short: [] };
  const asCvr = normaliseCvr(text);
  const words = /^\d{8}$/.test(asCvr) ? [asCvr] : text.split(/\s+/).filter(Boolean);
  return {
    long: words.filter((w) => [...w].length >= 3),
    short: words.filter((w) => [...w].length < 3),
  };
}

/** Quotes a user's word for FTS5 so operators in it (AND, *, ", …) are matched as text. */
export function ftsPhrase(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

/** The longest inner piece of a word the word index holds (migration 240). */
const INNER_WORD_CHARS = 24;

/**
 * Whether the word index answers a word: letters and digits only (what its tokenizer keeps as one
 * word), so the word can only occur inside one indexed word, and short enough that its inner
 * occurrences were indexed. Other words ("a/s", "h.c.") go to the trigram indexes.
 */
export function inWordIndex(word: string): boolean {
  const length = [...word].length;
  return length >= 3 && length <= INNER_WORD_CHARS && /^[\p{L}\p{N}\p{Co}]+$/u.test(word);
}

/**
 * Where a search word is looked up, each giving firm ids: the word index of the firm's name, CVR,
 * city and contact persons (the word anywhere in them: migration 240), or for a word it cannot
 * answer the trigram indexes of the same fields; with `notes`, also the start of a word in its
 * visits' notes (a visit's rowid is its firm's id times 2^32 plus its own, migration 55).
 */
function sourcesOf(word: string, notes: boolean): Array<{ sql: string; param: string }> {
  const inNotes = notes ? ftsPrefixTerm(word) : null;
  return [
    ...(inWordIndex(word)
      ? [{ sql: 'SELECT rowid FROM caseload_words WHERE caseload_words MATCH ?', param: `${ftsPhrase(word)}*` }]
      : [
          { sql: 'SELECT rowid FROM companies_fts WHERE companies_fts MATCH ?', param: ftsPhrase(word) },
          {
            sql: 'SELECT rowid FROM company_contacts_fts WHERE company_contacts_fts MATCH ?',
            param: ftsPhrase(word),
          },
        ]),
    ...(inNotes
      ? [{ sql: 'SELECT rowid >> 32 FROM company_notes_fts WHERE company_notes_fts MATCH ?', param: inNotes }]
      : []),
  ];
}

/** The firms a word finds, as one sub-query for the page's SQL (caseload-query.ts). */
export function wordSources(word: string, notes: boolean): { sql: string; params: string[] } {
  const sources = sourcesOf(word, notes);
  return { sql: sources.map((s) => s.sql).join('\n          UNION ALL '), params: sources.map((s) => s.param) };
}

/**
 * Index entries below which a word is rare: listing and sorting its matches (a few milliseconds)
 * beats walking the sort's index, which passes every firm when the matches are few.
 */
export const RARE_HITS = 1_000;

/**
 * The index entries a word finds, counted up to `cap` (each source is read no further), so telling
 * a common word from a rare one costs well under a millisecond.
 */
export function hitsOf(db: Database, word: string, notes: boolean, cap: number): number {
  let hits = 0;
  for (const { sql, param } of sourcesOf(word, notes)) {
    hits += stmt(db, `SELECT count(*) FROM (${sql} LIMIT ?)`)
      .pluck()
      .get(param, cap - hits) as number;
    if (hits >= cap) return cap;
  }
  return hits;
}

const withTextTest = new WeakSet<Database>();

/**
 * SQL that tests a firm (`c`) for a word the way the word and trigram indexes find it: anywhere in
 * its name, CVR, city or a contact person's name, case folded. Used where a sort's index is walked
 * and most firms match, so looking at each firm's text beats building the word's set.
 */
export function textTestSql(db: Database): string {
  if (!withTextTest.has(db)) {
    db.function('caseload_text_has', { deterministic: true }, (text: unknown, word: unknown) =>
      typeof text === 'string' && typeof word === 'string' && text.toLowerCase().includes(word.toLowerCase()) ? 1 : 0,
    );
    withTextTest.add(db);
  }
  return 'caseload_text_has((SELECT t.text FROM caseload_search_text t WHERE t.id = c.id), ?)';
}
