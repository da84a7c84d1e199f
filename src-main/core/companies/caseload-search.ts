import type { Database } from 'better-sqlite3';
import { sqlFunction, stmt } from '../db/sql';
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
 * Where a search word is looked up, each giving firm ids: the trigram indexes of the firm's name,
 * CVR, city and contact persons for a word the word index cannot answer, and with `notes` the
 * start of a word in its visits' notes (a visit's rowid is its firm's id times 2^32 plus its own,
 * migration 55).
 */
function sourcesOf(word: string, notes: boolean): Array<{ sql: string; param: string }> {
  const inNotes = notes ? ftsPrefixTerm(word) : null;
  return [
    ...(inWordIndex(word)
      ? [{ sql: WORD_INDEX, param: `${ftsPhrase(word)}*` }]
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

/** The word index (migration 240): a document per firm, so one query can ask for several words at once. */
const WORD_INDEX = 'SELECT rowid FROM caseload_words WHERE caseload_words MATCH ?';

/**
 * One set of firms a search must find the firm in: the `words` it stands for, the sub-query
 * that lists the set's firm ids (`sql`, `params`) for the page's SQL (caseload-query.ts).
 */
export interface SearchSet {
  words: string[];
  sql: string;
  params: string[];
  /** The set's sources, each read on its own to count the set's entries. */
  sources: Array<{ sql: string; param: string }>;
}

function setOf(words: string[], sources: Array<{ sql: string; param: string }>): SearchSet {
  return {
    words,
    sql: sources.map((s) => s.sql).join('\n          UNION ALL '),
    params: sources.map((s) => s.param),
    sources,
  };
}

/**
 * The sets a search's longer words make. Without the notes, the words the word index answers are
 * one query (FTS5 intersects their lists: "jensen gård" reads two lists and returns the firms
 * with both); each other word is a set of its own (one IN over a UNION ALL of its sources, so
 * SQLite builds one set instead of several).
 */
export function searchSets(long: readonly string[], notes: boolean): SearchSet[] {
  const together = notes ? [] : long.filter(inWordIndex);
  const sets = together.length
    ? [setOf(together, [{ sql: WORD_INDEX, param: together.map((w) => `${ftsPhrase(w)}*`).join(' AND ') }])]
    : [];
  for (const word of long) if (!together.includes(word)) sets.push(setOf([word], sourcesOf(word, notes)));
  return sets;
}

/**
 * Index entries below which a set is rare: listing and sorting its firms (a few milliseconds)
 * beats walking the sort's index, which passes every firm when the matches are few.
 */
export const RARE_HITS = 1_000;

/**
 * The index entries a set finds, counted up to `cap` (each source is read no further), so telling
 * a common word from a rare one costs well under a millisecond.
 */
export function hitsOf(db: Database, set: SearchSet, cap: number): number {
  let hits = 0;
  for (const { sql, param } of set.sources) {
    hits += stmt(db, `SELECT count(*) FROM (${sql} LIMIT ?)`)
      .pluck()
      .get(param, cap - hits) as number;
    if (hits >= cap) return cap;
  }
  return hits;
}

/** A firm's search text holds the word, case folded (textTestSql). */
const hasWord = (text: unknown, word: unknown): number =>
  typeof text === 'string' && typeof word === 'string' && text.toLowerCase().includes(word.toLowerCase()) ? 1 : 0;

/**
 * SQL that tests a firm (`c`) for a word the way the word and trigram indexes find it: anywhere in
 * its name, CVR, city or a contact person's name, case folded. Used where a sort's index is walked
 * and most firms match, so looking at each firm's text beats building the word's set.
 */
export function textTestSql(db: Database): string {
  const has = sqlFunction(db, 'caseload_text_has', hasWord);
  return `${has}((SELECT t.text FROM caseload_search_text t WHERE t.id = c.id), ?)`;
}
