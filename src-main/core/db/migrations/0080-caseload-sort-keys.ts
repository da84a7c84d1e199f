import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

const KOMMUNE_OF = (code: string) => `(SELECT k.name FROM kommuner k WHERE k.code = ${code})`;
const CONSULTANT_OF = (id: string) => `(SELECT s.name FROM consultants s WHERE s.id = ${id})`;

/** A trigger's condition and body: set the names from the row's codes when they differ. */
const SET_NAMES = `WHEN new.kommune_name IS NOT ${KOMMUNE_OF('new.kommune_code')}
      OR new.consultant_name IS NOT ${CONSULTANT_OF('new.consultant_id')} BEGIN
      UPDATE companies SET kommune_name = ${KOMMUNE_OF('new.kommune_code')},
        consultant_name = ${CONSULTANT_OF('new.consultant_id')} WHERE id = new.id;
    END`;

/** In the exact shape of caseload-query's ORDER BY (empty last, then id), like migration 60's. */
const SORT_INDEXES = [
  ['kommune', 'kommune_name'],
  ['consultant', 'consultant_name'],
].flatMap(([name, col]) => [
  `CREATE INDEX companies_${name}_sort ON companies(${col} IS NULL, ${col})`,
  `CREATE INDEX companies_${name}_sort_desc ON companies(${col} IS NULL, ${col} DESC)`,
]);

/**
 * the caseload sorted by kommune or consultant without a filter. Both sort by a joined
 * name, so SQLite sorted all 100,000 firms for every page (23 ms). The names are now kept on the
 * company row, as the owner is (migration 60), with indexes in the sort's shape, so a page reads
 * 100 index entries. Triggers keep them: a firm added or moved, a consultant or kommune renamed.
 * A row inserted with the names already right (a bulk writer may set them) costs only the check.
 * Then a prefix index for the visit notes the caseload search reads (below).
 */
function up(db: Database): void {
  db.exec(`
    ALTER TABLE companies ADD COLUMN kommune_name TEXT;
    ALTER TABLE companies ADD COLUMN consultant_name TEXT;
    UPDATE companies SET kommune_name = ${KOMMUNE_OF('companies.kommune_code')},
      consultant_name = ${CONSULTANT_OF('companies.consultant_id')}
      WHERE kommune_code IS NOT NULL OR consultant_id IS NOT NULL;

    CREATE TRIGGER companies_sort_names_insert AFTER INSERT ON companies
    ${SET_NAMES};
    -- Also when the names themselves are written, so they cannot be set to anything else.
    CREATE TRIGGER companies_sort_names_update
    AFTER UPDATE OF kommune_code, consultant_id, kommune_name, consultant_name ON companies
    ${SET_NAMES};
    CREATE TRIGGER kommuner_sort_name_update AFTER UPDATE OF name ON kommuner BEGIN
      UPDATE companies SET kommune_name = new.name WHERE kommune_code = new.code;
    END;
    CREATE TRIGGER consultants_sort_name_update AFTER UPDATE OF name ON consultants BEGIN
      UPDATE companies SET consultant_name = new.name WHERE consultant_id = new.id;
    END;
  `);
  db.exec(SORT_INDEXES.map((sql) => `${sql};`).join('\n'));
  prefixNotesIndex(db);
}

/**
 * The caseload also finds a word's start in visit notes ("smed" finds "smedje", migration 55).
 * FTS5 answered such a prefix by merging the position lists of every word that starts so
 * (18,000 visits for "smed" at 100,000 firms, 125,000 for "gård"). Prefix indexes of 3 and 4
 * characters answer them from one entry each: at 100,000 firms "smed" 28 → 12 ms and "gård"
 * 133 → 54 ms of CPU, for an index a good two thirds larger (326 → 570 MB of a 1.8 GB file).
 * The index is contentless, so it is rebuilt from the visits; the triggers of migration 55 keep
 * writing to it unchanged (same name, same rows and text).
 */
function prefixNotesIndex(db: Database): void {
  db.exec(`
    DROP TABLE company_notes_fts;
    CREATE VIRTUAL TABLE company_notes_fts USING fts5(
      notes, content = '', tokenize = 'unicode61 remove_diacritics 0', prefix = '3 4'
    );
    INSERT INTO company_notes_fts(rowid, notes)
      SELECT company_id * 4294967296 + id, concat_ws(' ', business_description, needs_text, next_steps, notes)
      FROM visits;
    INSERT INTO company_notes_fts(company_notes_fts, rank) VALUES ('secure-delete', 1);
  `);
}

export const caseloadSortKeys: Migration = { version: 80, name: 'caseload-sort-keys', up };
