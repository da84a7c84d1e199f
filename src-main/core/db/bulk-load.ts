import type { Database } from 'better-sqlite3';
import { DERIVED_ON_INSERT } from './migrations/derived-data';

/**
 * Loading many rows at once (a large import, the caseload generator): the data the schema derives
 * by insert triggers is written once at the end instead of per row.
 *
 * Per row, those triggers cost as much as the rows themselves: a firm's trigram row, each
 * contact's re-index of its firm's contact names and the owner trigger's UPDATE of the firm, each
 * visit's two text-index rows. Written in one pass in rowid order after the rows are in, the same
 * entries cost a fraction. Which triggers, and how their work is replayed, is declared next to the
 * migrations that create them (migrations/derived-data.ts). Rows inserted by the load are the rows
 * whose rowid is above the table's largest when it began, so the loader reports nothing.
 *
 * Triggers and indexes are dropped and created again INSIDE the caller's transaction, so a crash
 * or a thrown error rolls them back with the rows: the file is always as before or as after.
 */

/** Below this many new firms an import's triggers are cheap enough and the extra DDL is not worth it. */
export const BULK_LOAD_MIN_ROWS = 2000;

export interface BulkLoad {
  /** The triggers whose work waits for `finish`. */
  readonly deferred: readonly string[];
  /** Writes the derived data and restores indexes and triggers; call inside the same transaction. */
  finish(): void;
}

interface SchemaObject {
  name: string;
  tbl_name: string;
  sql: string;
}

/**
 * Starts a bulk load into `tables` inside the caller's transaction. The declared triggers on them
 * that this database has (at the schema version they are declared for) are dropped until `finish`;
 * any other trigger keeps firing per row. `rebuildIndexes` names tables whose secondary indexes are
 * dropped too and built again from the finished table: far cheaper once a load at least doubles a
 * table whose indexes outgrow the page cache. UNIQUE constraints have no SQL of their own
 * (autoindexes) and stay, so the loader's duplicate checks still read them.
 */
export function beginBulkLoad(
  db: Database,
  opts: { tables: readonly string[]; rebuildIndexes?: readonly string[] },
): BulkLoad {
  if (!db.inTransaction) throw new Error('beginBulkLoad must run inside the loading transaction');
  const version = db.pragma('user_version', { simple: true }) as number;
  const schema = (type: 'trigger' | 'index') =>
    db
      .prepare('SELECT name, tbl_name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL')
      .all(type) as SchemaObject[];
  const triggers = new Map(schema('trigger').map((t) => [t.name, t]));
  const plan = DERIVED_ON_INSERT.filter(
    (d) => opts.tables.includes(d.table) && version >= d.since && triggers.get(d.trigger)?.tbl_name === d.table,
  );
  const after = new Map(
    [...new Set(plan.map((d) => d.table))].map((t) => [
      t,
      db.prepare(`SELECT coalesce(max(rowid), 0) FROM "${t}"`).pluck().get() as number,
    ]),
  );
  const dropped = plan.map((d) => triggers.get(d.trigger) as SchemaObject);
  const indexes = schema('index').filter((i) => opts.rebuildIndexes?.includes(i.tbl_name));
  for (const t of dropped) db.exec(`DROP TRIGGER "${t.name}"`);
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);

  return {
    deferred: dropped.map((t) => t.name),
    finish() {
      const load = { after, deferred: new Set(plan.map((d) => d.trigger)) };
      for (const d of plan) d.replay(db, after.get(d.table) ?? 0, load);
      for (const i of indexes) db.exec(i.sql);
      for (const t of dropped) db.exec(t.sql);
    },
  };
}
