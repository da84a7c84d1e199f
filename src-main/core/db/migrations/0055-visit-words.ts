import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/** A visit's row in company_notes_fts: the firm in the high 32 bits, so a match names the firm. */
const rowOf = (r: 'new' | 'old') => `${r}.company_id * 4294967296 + ${r}.id`;
const textOf = (r: 'new' | 'old') =>
  `concat_ws(' ', ${r}.business_description, ${r}.needs_text, ${r}.next_steps, ${r}.notes)`;

/**
 * The caseload search's index of visit notes (migration 20) held one document per firm, rebuilt
 * from all its visits on every change. With FTS5 secure-delete that cost 25 ms per new visit at
 * 4 visits a firm, growing with each firm's history, so importing a caseload's visits would take
 * minutes. Now each visit is its own row, keyed by firm and visit (rowid = firm << 32 | visit):
 * a new visit is one insert, an edit or deletion removes just that visit's words (still with
 * secure-delete, so they leave the file), and a match still names the firm without a look-up.
 */
function up(db: Database): void {
  db.exec(`
    DROP TRIGGER IF EXISTS company_notes_before_insert;
    DROP TRIGGER IF EXISTS company_notes_after_insert;
    DROP TRIGGER IF EXISTS company_notes_before_update;
    DROP TRIGGER IF EXISTS company_notes_after_update;
    DROP TRIGGER IF EXISTS company_notes_before_delete;
    DROP TRIGGER IF EXISTS company_notes_after_delete;
    DROP TABLE IF EXISTS company_notes_fts;

    CREATE VIRTUAL TABLE company_notes_fts USING fts5(
      notes, content = '', tokenize = 'unicode61 remove_diacritics 0'
    );
    INSERT INTO company_notes_fts(rowid, notes)
      SELECT company_id * 4294967296 + id, concat_ws(' ', business_description, needs_text, next_steps, notes)
      FROM visits;
    INSERT INTO company_notes_fts(company_notes_fts, rank) VALUES ('secure-delete', 1);

    CREATE TRIGGER company_notes_insert AFTER INSERT ON visits BEGIN
      INSERT INTO company_notes_fts(rowid, notes) VALUES (${rowOf('new')}, ${textOf('new')});
    END;
    -- A contentless index forgets a row only when told the exact text it was indexed with.
    CREATE TRIGGER company_notes_update
    AFTER UPDATE OF business_description, needs_text, next_steps, notes, company_id ON visits BEGIN
      INSERT INTO company_notes_fts(company_notes_fts, rowid, notes) VALUES ('delete', ${rowOf('old')}, ${textOf('old')});
      INSERT INTO company_notes_fts(rowid, notes) VALUES (${rowOf('new')}, ${textOf('new')});
    END;
    CREATE TRIGGER company_notes_delete AFTER DELETE ON visits BEGIN
      INSERT INTO company_notes_fts(company_notes_fts, rowid, notes) VALUES ('delete', ${rowOf('old')}, ${textOf('old')});
    END;
  `);
}

export const visitWords: Migration = { version: 55, name: 'visit-words', up };
