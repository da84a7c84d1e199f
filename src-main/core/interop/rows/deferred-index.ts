import type { Database, Statement } from 'better-sqlite3';

/**
 * Large imports (issue 8): the search indexes and the owner name are written once at the end of
 * the import's transaction instead of by a trigger per row.
 *
 * Per row, the insert triggers cost as much as the rows themselves: each firm's trigram row in
 * `companies_fts`, each contact's re-index of `company_contacts_fts` (a delete and a grouped
 * re-insert) and the owner trigger's UPDATE of the company it has just written (two more index
 * entries). Written in one pass in rowid order after the rows are in, the same entries cost a
 * fraction. The triggers are dropped and re-created INSIDE the caller's transaction, so a crash
 * or a thrown error rolls them back with the rows: the file is always as before or as after.
 *
 * When the import at least doubles the caseload, the company table's secondary indexes are
 * rebuilt the same way: dropped, and created again from the finished table.
 *
 * The end pass does what the triggers of migration 60 (db/migrations/0060-caseload-speed.ts) do;
 * tests/integration/core/interop/rows/deferred-index.test.ts checks that a large import leaves the indexes exactly
 * as a row-by-row import does, so a change to those triggers must be mirrored here.
 */

/** Below this many new firms the triggers are cheap enough and the extra DDL is not worth it. */
export const DEFER_INDEX_MIN_ROWS = 2000;

/** The AFTER INSERT triggers whose work the end pass does instead. */
const DEFERRED_TRIGGERS = ['companies_fts_insert', 'company_contacts_fts_insert', 'companies_owner_insert'];

// The owner shown in the caseload: the contact marked owner, else the first one added (migration 60).
const OWNER_OF = (companyId: string) =>
  `(SELECT o.name FROM contacts o WHERE o.company_id = ${companyId} ORDER BY o.is_owner DESC, o.id LIMIT 1)`;

export interface DeferredIndexes {
  /**
   * A firm the import inserted. Its owner name must be written with the row (the owner trigger is
   * off), which the caller does: a new firm's only contact is the owner it adds.
   */
  added(companyId: number): void;
  /** An existing firm that got a new contact row: its contact index and owner name are redone. */
  contactAdded(companyId: number): void;
  /** Writes the index entries and restores the triggers; call inside the same transaction. */
  finish(): void;
}

/**
 * Drops the per-row insert triggers for the rest of the caller's transaction. Returns null, and
 * changes nothing, when the schema does not have exactly the triggers this file knows: the import
 * then writes row by row as before.
 */
export function deferIndexes(db: Database, opts: { rebuildSortIndexes: boolean }): DeferredIndexes | null {
  if (!db.inTransaction) throw new Error('deferIndexes must run inside the import transaction');
  const triggers = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${DEFERRED_TRIGGERS.map(() => '?').join(', ')})`,
    )
    .all(...DEFERRED_TRIGGERS) as Array<{ name: string; sql: string }>;
  if (triggers.length !== DEFERRED_TRIGGERS.length) return null;
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  // The caseload's sort and filter indexes (about twenty) cost more per row than the row itself once
  // they outgrow the page cache. When the import at least doubles the caseload, building them anew
  // from sorted keys is far cheaper. The UNIQUE indexes on uuid and cvr have no SQL here
  // (autoindexes), so they stay: the write's duplicate checks read them.
  const indexes = opts.rebuildSortIndexes
    ? (db
        .prepare(
          "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'companies' AND sql IS NOT NULL",
        )
        .all() as Array<{ name: string; sql: string }>)
    : [];
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);

  const added: number[] = [];
  const contactAdded = new Set<number>();
  return {
    added: (id) => {
      added.push(id);
    },
    contactAdded: (id) => {
      contactAdded.add(id);
    },
    finish() {
      // json_each hands SQLite the id list as one value; `IN` then walks the rowids in order.
      const ids = `SELECT value FROM json_each(?)`;
      db.prepare(
        `INSERT INTO companies_fts(rowid, name, cvr, city)
         SELECT id, name, coalesce(cvr, ''), coalesce(city, '') FROM companies WHERE id IN (${ids}) ORDER BY id`,
      ).run(JSON.stringify(added));

      // Existing firms whose contacts changed: their old contact document goes first. FTS5 deletes
      // one rowid at a time (an IN list would scan the whole index).
      const changed = [...contactAdded];
      const drop: Statement = db.prepare('DELETE FROM company_contacts_fts WHERE rowid = ?');
      for (const id of changed) drop.run(id);
      db.prepare(
        `INSERT INTO company_contacts_fts(rowid, names)
         SELECT company_id, group_concat(name, ' ') FROM (
           SELECT company_id, name FROM contacts WHERE company_id IN (${ids}) ORDER BY company_id, id
         ) GROUP BY company_id ORDER BY company_id`,
      ).run(JSON.stringify([...added, ...changed].sort((a, b) => a - b)));
      db.prepare(`UPDATE companies SET owner_name = ${OWNER_OF('companies.id')} WHERE id IN (${ids})`).run(
        JSON.stringify(changed),
      );

      for (const i of indexes) db.exec(i.sql);
      for (const t of triggers) db.exec(t.sql);
    },
  };
}
