import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';
import { INNER_WORD_CHARS, SEARCH_TEXT_OF } from './0240-caseload-words';

/**
 * The document indexed for a search text: the text itself, then from every character inside a
 * word the rest of that word (up to INNER_WORD_CHARS, to the next space). Migration 240 indexed
 * INNER_WORD_CHARS characters from every such position, running on into the next words: those
 * words are indexed whole already, and a word cut off at the window's end only repeats a piece of
 * its own, so the index held about four times the text for no search it could not answer without.
 */
export const WORDS_OF = (text: string) => {
  const tail = `substr(${text}, p.n, ${INNER_WORD_CHARS})`;
  return `${text} || ' ' || ifnull((SELECT group_concat(substr(${tail}, 1, instr(${tail} || ' ', ' ') - 1), ' ')
      FROM caseload_word_positions p WHERE p.n BETWEEN 2 AND length(${text})
        AND substr(${text}, p.n - 1, 1) <> ' ' AND substr(${text}, p.n, 1) <> ' '), '')`;
};

/** Statements that forget a firm's indexed words and index its current text. */
export const REINDEX_WORDS = (companyId: string) => `
      INSERT INTO caseload_words(caseload_words, rowid, words)
        SELECT 'delete', id, ${WORDS_OF('text')} FROM caseload_search_text WHERE id = ${companyId};
      DELETE FROM caseload_search_text WHERE id = ${companyId};
      INSERT INTO caseload_search_text(id, text) SELECT id, ${SEARCH_TEXT_OF('companies.id')} FROM companies WHERE id = ${companyId};
      INSERT INTO caseload_words(rowid, words) SELECT id, ${WORDS_OF('text')} FROM caseload_search_text WHERE id = ${companyId};`;

/**
 * The word index (migration 240), smaller to write. Its documents stop each inner piece at the
 * word's end (above), and its prefix indexes cover 3 to 6 characters instead of 3 to 8: every
 * indexed term writes one entry per prefix length it reaches, and a search word of 7 letters or
 * more begins few terms, whose lists FTS5 merges in under a millisecond at 100,000 firms. Both
 * halve the cost of indexing a large import. The same words find the same firms. The index is
 * contentless, so it is rebuilt from the kept search text, and its triggers are made again with the
 * new document (a contentless index forgets a document only when given the same one).
 */
function up(db: Database): void {
  db.exec(`
    DROP TRIGGER caseload_words_insert;
    DROP TRIGGER caseload_words_update;
    DROP TRIGGER caseload_words_delete;
    DROP TRIGGER caseload_words_contact_insert;
    DROP TRIGGER caseload_words_contact_update;
    DROP TRIGGER caseload_words_contact_delete;
    DROP TABLE caseload_words;
    CREATE VIRTUAL TABLE caseload_words USING fts5(
      words, content = '', detail = none, prefix = '3 4 5 6', tokenize = 'unicode61 remove_diacritics 0'
    );
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

export const caseloadWordPieces: Migration = { version: 260, name: 'caseload-word-pieces', up };
