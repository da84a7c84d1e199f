import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { beginBulkLoad } from '../../../../src-main/core/db/bulk-load';
import { migrate } from '../../../../src-main/core/db/migrate';
import { migrations } from '../../../../src-main/core/db/migrations';
import { DERIVED_ON_INSERT } from '../../../../src-main/core/db/migrations/derived-data';

/**
 * A bulk load replays the schema's insert triggers from a declared list. The equivalence tests
 * (interop-deferred-index, generate-caseload) show each replay writes what its trigger writes;
 * these check that the list still describes the schema the migrations build.
 */
const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function migrated(version?: number): Database {
  const db = new BetterSqlite3(':memory:');
  open.push(db);
  migrate(db, version);
  return db;
}

const triggers = (db: Database) =>
  new Map(
    (
      db.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'").all() as Array<{
        name: string;
        tbl_name: string;
        sql: string;
      }>
    ).map((t) => [t.name, t]),
  );

describe('the derived data a bulk load replays', () => {
  it('names triggers on their tables as the migration it names left them, unchanged since', () => {
    const db = new BetterSqlite3(':memory:');
    open.push(db);
    const createdBy = new Map<string, number>();
    let before = new Map<string, string>();
    for (const m of migrations) {
      migrate(db, m.version);
      const now = new Map([...triggers(db)].map(([name, t]) => [name, t.sql]));
      for (const [name, sql] of now) if (before.get(name) !== sql) createdBy.set(name, m.version);
      before = now;
    }
    const latest = triggers(db);
    for (const d of DERIVED_ON_INSERT) {
      expect(latest.get(d.trigger)?.tbl_name, `${d.trigger} fires on ${d.table}`).toBe(d.table);
      expect(
        createdBy.get(d.trigger),
        `migration ${createdBy.get(d.trigger)} changed ${d.trigger}: check its replay in derived-data.ts, then set since`,
      ).toBe(d.since);
    }
  });

  it('leaves a trigger older than its declaration firing per row', () => {
    const db = migrated(90);
    const load = db.transaction(() => {
      const bulk = beginBulkLoad(db, { tables: ['visits'] });
      bulk.finish();
      return bulk.deferred;
    })();
    expect(load).toEqual(['visits_fts_insert']);
    expect([...triggers(db).keys()]).toContain('company_notes_insert');
  });

  it('runs only inside the loading transaction', () => {
    const db = migrated();
    expect(() => beginBulkLoad(db, { tables: ['companies'] })).toThrow(/inside the loading transaction/);
  });
});
