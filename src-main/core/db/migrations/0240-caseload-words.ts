import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * The longest piece of a word the word index finds from inside that word (`caseload_words`);
 * a longer search word is looked up in the trigram indexes instead (caseload-search.ts).
 */
export const INNER_WORD_CHARS = 24;
/** Characters of a firm's search text whose inner words are indexed; the rest only by whole words. */
const POSITIONS = 20_000;

/** What a firm is found by in the caseload's quick search: its name, CVR, city and contact persons. */
export const SEARCH_TEXT_OF = (companyId: string) =>
  `(SELECT ifnull(c.name, '') || ' ' || ifnull(c.cvr, '') || ' ' || ifnull(c.city, '') || ' ' ||
      ifnull((SELECT group_concat(name, ' ') FROM (SELECT name FROM contacts WHERE company_id = c.id ORDER BY id)), '')
    FROM companies c WHERE c.id = ${companyId})`;

/**
 * The document indexed for a search text: the text itself, then from every character inside a
 * word the text from there on (up to INNER_WORD_CHARS). FTS5's word tokenizer then holds every
 * word and every word's tail, so a prefix query (`"gård"*`) finds "gård" inside "Bøgelygård" as
 * the trigram index did, by reading one term instead of intersecting trigrams.
 */
export const WORDS_OF = (text: string) =>
  `${text} || ' ' || ifnull((SELECT group_concat(substr(${text}, p.n, ${INNER_WORD_CHARS}), ' ')
      FROM caseload_word_positions p WHERE p.n BETWEEN 2 AND length(${text}) AND substr(${text}, p.n - 1, 1) <> ' '), '')`;

/** Statements that forget a firm's indexed words and index its current text. */
export const REINDEX_WORDS = (companyId: string) => `
      INSERT INTO caseload_words(caseload_words, rowid, words)
        SELECT 'delete', id, ${WORDS_OF('text')} FROM caseload_search_text WHERE id = ${companyId};
      DELETE FROM caseload_search_text WHERE id = ${companyId};
      INSERT INTO caseload_search_text(id, text) SELECT id, ${SEARCH_TEXT_OF('companies.id')} FROM companies WHERE id = ${companyId};
      INSERT INTO caseload_words(rowid, words) SELECT id, ${WORDS_OF('text')} FROM caseload_search_text WHERE id = ${companyId};`;

/**
 * A word index for the caseload's quick search. The trigram indexes of names and contact persons
 * read every trigram's list for a word ("jensen" is four lists, one of them "sen" with 70,000
 * firms); this index reads the entries of one prefix. It is contentless, with no positions
 * (`detail=none`): a search word has no spaces, so only which firms hold a term matters. The text it
 * was built from is kept per firm (`caseload_search_text`, also what the search tests a firm
 * against while walking a sort's index), because a contentless index forgets a document only
 * when given the same text again. Kept by triggers, so imports, merges, erasure and
 * anonymisation keep it right; a bulk load replays them (derived-data.ts).
 */
function up(db: Database): void {
  db.exec(`
    CREATE TABLE caseload_word_positions (n INTEGER PRIMARY KEY) STRICT;
    WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${POSITIONS})
      INSERT INTO caseload_word_positions(n) SELECT n FROM s;
    CREATE TABLE caseload_search_text (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;
    CREATE VIRTUAL TABLE caseload_words USING fts5(
      words, content = '', detail = none, prefix = '3 4 5 6 7 8', tokenize = 'unicode61 remove_diacritics 0'
    );
    INSERT INTO caseload_search_text(id, text) SELECT id, ${SEARCH_TEXT_OF('companies.id')} FROM companies ORDER BY id;
    INSERT INTO caseload_words(rowid, words) SELECT id, ${WORDS_OF('text')} FROM caseload_search_text ORDER BY id;

    CREATE TRIGGER caseload_words_insert AFTER INSERT ON companies BEGIN
      INSERT INTO caseload_search_text(id, text) VALUES (new.id, ${SEARCH_TEXT_OF('new.id')});
      INSERT INTO caseload_words(rowid, words) SELECT id, ${WORDS_OF('text')} FROM caseload_search_text WHERE id = new.id;
    END;
    CREATE TRIGGER caseload_words_update AFTER UPDATE OF name, cvr, city ON companies BEGIN
      ${REINDEX_WORDS('new.id')}
    END;
    CREATE TRIGGER caseload_words_delete AFTER DELETE ON companies BEGIN
      INSERT INTO caseload_words(caseload_words, rowid, words)
        SELECT 'delete', id, ${WORDS_OF('text')} FROM caseload_search_text WHERE id = old.id;
      DELETE FROM caseload_search_text WHERE id = old.id;
    END;
    CREATE TRIGGER caseload_words_contact_insert AFTER INSERT ON contacts BEGIN
      ${REINDEX_WORDS('new.company_id')}
    END;
    CREATE TRIGGER caseload_words_contact_update AFTER UPDATE OF name, company_id ON contacts BEGIN
      ${REINDEX_WORDS('old.company_id')}
      ${REINDEX_WORDS('new.company_id')}
    END;
    CREATE TRIGGER caseload_words_contact_delete AFTER DELETE ON contacts BEGIN
      ${REINDEX_WORDS('old.company_id')}
    END;
  `);
}

export const caseloadWords: Migration = { version: 240, name: 'caseload-words', up };
