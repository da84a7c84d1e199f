import type { Database } from 'better-sqlite3';
import { sqlFunction } from '../sql';
import { OWNER_OF } from './0060-caseload-speed';
import { rowOf, textOf } from './0100-portable-triggers';
import { INNER_WORD_CHARS, SEARCH_TEXT_OF } from './0240-caseload-words';
import { REINDEX_WORDS, WORDS_OF } from './0260-caseload-word-pieces';

/**
 * Data the schema derives from other rows by AFTER INSERT triggers, each with the statements that
 * write the same data for many inserted rows in one pass. A bulk load (db/bulk-load.ts) drops these
 * triggers inside its transaction and replays them at the end.
 *
 * `since` is the migration that created the trigger as it is now: a database older than that keeps
 * the trigger firing per row. tests/integration/core/db/bulk-load.test.ts fails when a later migration re-creates
 * one of these triggers, so a changed trigger cannot leave its replay behind.
 */
export interface DerivedOnInsert {
  /** The trigger whose work the replay does. */
  trigger: string;
  /** The table whose inserts fire it. */
  table: string;
  since: number;
  /** Writes what the trigger would have written for every row of `table` with a rowid above `after`. */
  replay(db: Database, after: number, load: LoadSoFar): void;
}

/** What a replay may know of the load it finishes. */
export interface LoadSoFar {
  /** Each loaded table's largest rowid before the load. */
  after: ReadonlyMap<string, number>;
  /** The triggers the load replays, each after those listed before it in DERIVED_ON_INSERT. */
  deferred: ReadonlySet<string>;
}

/**
 * The word index's document for a firm's search text, as `WORDS_OF` writes it in SQL (migration
 * 260), for the texts where both are plainly the same: no character outside the Basic
 * Multilingual Plane (JS counts those as two, SQLite as one), no NUL (where SQLite's `length`
 * stops) and no more characters than the positions table holds. Other texts give null and are
 * written by the SQL. SQLite's `substr` walks the text from its start for every position, so on a
 * large load the SQL costs several times the JS;
 * tests/integration/core/db/caseload-words-document.test.ts holds the two equal.
 */
export function caseloadWordsDocument(text: unknown): string | null {
  if (typeof text !== 'string' || text.length > MAX_JS_DOCUMENT_TEXT || /[\0\uD800-\uDFFF]/.test(text)) return null;
  const pieces: string[] = [];
  for (let n = 1; n < text.length; n++) {
    if (text[n - 1] === ' ' || text[n] === ' ') continue;
    const tail = text.slice(n, n + INNER_WORD_CHARS);
    const space = tail.indexOf(' ');
    pieces.push(space < 0 ? tail : tail.slice(0, space));
  }
  return `${text} ${pieces.join(' ')}`;
}

/** Below the positions migration 240 lists, so the JS and the SQL read the same positions. */
const MAX_JS_DOCUMENT_TEXT = 10_000;

/** The SQL giving the word index's document of `text`: the JS above where it can, else `WORDS_OF`. */
const wordsDocumentSql = (db: Database, text: string) =>
  `coalesce(${sqlFunction(db, 'caseload_words_document', caseloadWordsDocument)}(${text}), ${WORDS_OF(text)})`;

/** The firms whose contact rows were inserted after `after`, in id order. */
const contactCompanies = (db: Database, after: number) =>
  db
    .prepare('SELECT DISTINCT company_id FROM contacts WHERE id > ? ORDER BY company_id')
    .pluck()
    .all(after) as number[];

export const DERIVED_ON_INSERT: readonly DerivedOnInsert[] = [
  {
    trigger: 'companies_fts_insert',
    table: 'companies',
    since: 60,
    replay(db, after) {
      db.prepare(
        `INSERT INTO companies_fts(rowid, name, cvr, city)
         SELECT id, name, coalesce(cvr, ''), coalesce(city, '') FROM companies WHERE id > ? ORDER BY id`,
      ).run(after);
    },
  },
  {
    trigger: 'company_contacts_fts_insert',
    table: 'contacts',
    since: 60,
    replay(db, after) {
      const firms = contactCompanies(db, after);
      // A firm's old document goes first. FTS5 deletes one rowid at a time (an IN list would scan
      // the whole index); a firm new to the index has none, and its delete finds nothing.
      const drop = db.prepare('DELETE FROM company_contacts_fts WHERE rowid = ?');
      for (const id of firms) drop.run(id);
      db.prepare(
        `INSERT INTO company_contacts_fts(rowid, names)
         SELECT company_id, group_concat(name, ' ') FROM (
           SELECT company_id, name FROM contacts WHERE company_id IN (SELECT value FROM json_each(?))
           ORDER BY company_id, id
         ) GROUP BY company_id ORDER BY company_id`,
      ).run(JSON.stringify(firms));
    },
  },
  {
    trigger: 'companies_owner_insert',
    table: 'contacts',
    since: 60,
    // Only rows whose owner differs are written: a loader that stored a new firm's owner with the
    // row (its only contact) costs a read here, not a second index entry.
    replay(db, after) {
      db.prepare(
        `UPDATE companies SET owner_name = ${OWNER_OF('companies.id')}
         WHERE id IN (SELECT company_id FROM contacts WHERE id > ?) AND owner_name IS NOT ${OWNER_OF('companies.id')}`,
      ).run(after);
    },
  },
  {
    trigger: 'visits_fts_insert',
    table: 'visits',
    since: 20,
    replay(db, after) {
      db.prepare(
        `INSERT INTO visits_fts(rowid, business_description, needs_text, next_steps, notes)
         SELECT id, business_description, needs_text, next_steps, notes FROM visits WHERE id > ? ORDER BY id`,
      ).run(after);
    },
  },
  {
    trigger: 'company_notes_insert',
    table: 'visits',
    since: 100,
    // In rowid order: FTS5 starts a new segment whenever a rowid is lower than the one before.
    replay(db, after) {
      db.prepare(
        `INSERT INTO company_notes_fts(rowid, notes)
         SELECT ${rowOf('visits')}, ${textOf('visits')} FROM visits WHERE id > ? ORDER BY company_id, id`,
      ).run(after);
    },
  },
  {
    trigger: 'caseload_words_insert',
    table: 'companies',
    since: 260,
    replay(db, after) {
      db.prepare(
        `INSERT INTO caseload_search_text(id, text)
         SELECT id, ${SEARCH_TEXT_OF('companies.id')} FROM companies WHERE id > ? ORDER BY id`,
      ).run(after);
      db.prepare(
        `INSERT INTO caseload_words(rowid, words)
         SELECT id, ${wordsDocumentSql(db, 'text')} FROM caseload_search_text WHERE id > ? ORDER BY id`,
      ).run(after);
    },
  },
  {
    trigger: 'caseload_words_contact_insert',
    table: 'contacts',
    since: 260,
    // After the firms' own replay: a firm new in the load was indexed with its contacts already,
    // so only the other firms are looked at, and those whose text changed indexed again.
    replay(db, after, load) {
      const newFirmsAfter = load.deferred.has('caseload_words_insert') ? load.after.get('companies') : undefined;
      const firms = contactCompanies(db, after).filter((id) => newFirmsAfter === undefined || id <= newFirmsAfter);
      const stale = db
        .prepare(
          `SELECT value FROM json_each(?) WHERE NOT EXISTS (
             SELECT 1 FROM caseload_search_text t WHERE t.id = value AND t.text IS ${SEARCH_TEXT_OF('value')})`,
        )
        .pluck()
        .all(JSON.stringify(firms)) as number[];
      const steps = REINDEX_WORDS('?')
        .split(';')
        .map((sql) => sql.trim())
        .filter(Boolean)
        .map((sql) => db.prepare(sql));
      for (const id of stale) for (const step of steps) step.run(id);
    },
  },
];
