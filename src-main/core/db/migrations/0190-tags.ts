import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/** A firm's tags joined in the order they are listed, as the caseload and the sheets show them. */
const TAGS_OF = (company: string) =>
  `(SELECT group_concat(name, '; ') FROM (
      SELECT t.name FROM company_tags ct JOIN tags t ON t.id = ct.tag_id
       WHERE ct.company_id = ${company} ORDER BY t.name_key))`;

/**
 * Tags: words a consultant puts on firms ("Fødevarer", "Generationsskifte 2027") to find them
 * again. A tag is one row, whatever the case it is typed in (`name_key` is its name folded);
 * `company_tags` links firms to tags and goes with a firm's erasure (CASCADE).
 *
 * The firm's row keeps its tags joined in `tags_text`, as it keeps its owner's name: the caseload
 * shows them in a column and the sheets export them without a join per row.
 */
function up(db: Database): void {
  db.exec(`
    CREATE TABLE tags (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
      name_key TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE company_tags (
      company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (company_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX company_tags_tag ON company_tags(tag_id, company_id);

    ALTER TABLE companies ADD COLUMN tags_text TEXT;
    CREATE TRIGGER company_tags_text_insert AFTER INSERT ON company_tags BEGIN
      UPDATE companies SET tags_text = ${TAGS_OF('new.company_id')} WHERE id = new.company_id;
    END;
    CREATE TRIGGER company_tags_text_delete AFTER DELETE ON company_tags BEGIN
      UPDATE companies SET tags_text = ${TAGS_OF('old.company_id')} WHERE id = old.company_id;
    END;
    CREATE TRIGGER company_tags_text_update AFTER UPDATE OF company_id ON company_tags BEGIN
      UPDATE companies SET tags_text = ${TAGS_OF('old.company_id')} WHERE id = old.company_id;
      UPDATE companies SET tags_text = ${TAGS_OF('new.company_id')} WHERE id = new.company_id;
    END;
    CREATE TRIGGER tags_text_rename AFTER UPDATE OF name ON tags BEGIN
      UPDATE companies SET tags_text = ${TAGS_OF('companies.id')}
       WHERE id IN (SELECT company_id FROM company_tags WHERE tag_id = new.id);
    END;
  `);
}

export const tags: Migration = { version: 190, name: 'tags', up };
