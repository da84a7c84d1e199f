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

/**
 * Where a search word is looked up: the firm's name, CVR and city and its contact persons' names
 * (trigram indexes: the word anywhere), and the start of a word in its visits' notes (a visit's
 * rowid is its firm's id times 2^32 plus its own, migration 55). Each gives firm ids.
 */
function sourcesOf(word: string): Array<{ sql: string; param: string }> {
  const inNotes = ftsPrefixTerm(word);
  return [
    { sql: 'SELECT rowid FROM companies_fts WHERE companies_fts MATCH ?', param: ftsPhrase(word) },
    { sql: 'SELECT rowid FROM company_contacts_fts WHERE company_contacts_fts MATCH ?', param: ftsPhrase(word) },
    ...(inNotes
      ? [{ sql: 'SELECT rowid >> 32 FROM company_notes_fts WHERE company_notes_fts MATCH ?', param: inNotes }]
      : []),
  ];
}

/** The firms a word finds, as one sub-query for the page's SQL (caseload-query.ts). */
export function wordSources(word: string): { sql: string; params: string[] } {
  const sources = sourcesOf(word);
  return { sql: sources.map((s) => s.sql).join('\n          UNION ALL '), params: sources.map((s) => s.param) };
}

/**
 * Index entries below which a word is rare: listing and sorting its matches (a few milliseconds)
 * beats walking the sort's index, which passes every firm when the matches are few.
 */
export const RARE_HITS = 2_000;

/**
 * Whether the word finds fewer than RARE_HITS index entries. Each source is read up to that many,
 * so telling a common word from a rare one costs well under a millisecond.
 */
export function isRare(db: Database, word: string, rareHits = RARE_HITS): boolean {
  let hits = 0;
  for (const { sql, param } of sourcesOf(word)) {
    hits += stmt(db, `SELECT count(*) FROM (${sql} LIMIT ?)`).pluck().get(param, rareHits) as number;
    if (hits >= rareHits) return false;
  }
  return true;
}
