import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/** A visit's row in company_notes_fts, as in migration 55. */
export const rowOf = (r: string) => `${r}.company_id * 4294967296 + ${r}.id`;
/**
 * The visit's text for the caseload's notes index without `concat_ws`, which SQLite has only
 * since 3.44. The text differs from concat_ws's only by spaces where a field is empty, so it
 * tokenises to the same words: rows indexed before this migration are still forgotten exactly.
 */
export const textOf = (r: string) =>
  ['business_description', 'needs_text', 'next_steps', 'notes'].map((c) => `ifnull(${r}.${c}, '')`).join(" || ' ' || ");

/**
 * A Bindeled file is the consultant's data: it should stay usable with the ordinary `sqlite3`
 * tool (Debian 12 ships 3.40). Reading always worked, but adding or editing a visit there failed
 * in migration 55's triggers ("no such function: concat_ws"). Same triggers, portable text.
 */
function up(db: Database): void {
  db.exec(`
    DROP TRIGGER company_notes_insert;
    DROP TRIGGER company_notes_update;
    DROP TRIGGER company_notes_delete;
    CREATE TRIGGER company_notes_insert AFTER INSERT ON visits BEGIN
      INSERT INTO company_notes_fts(rowid, notes) VALUES (${rowOf('new')}, ${textOf('new')});
    END;
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

export const portableTriggers: Migration = { version: 100, name: 'portable-triggers', up };
