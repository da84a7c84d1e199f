import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { expect } from 'vitest';
import { tempDir } from '../../helpers/temp-db';

/**
 * For the test of one migration: a copy of the database the migration before it left
 * (tests/fixtures/schema-vNN.db, made by scripts/make-schema-fixture.ts; an empty file for 0),
 * not migrated any further, so the test runs just its migration with `migrate(db, version)`.
 */
const FIXTURES = path.resolve(__dirname, '../../fixtures');

export interface DatabaseAt {
  db: Database;
  close: () => void;
}

export function databaseAt(version: number): DatabaseAt {
  const t = tempDir('bindeled-migration-');
  const file = path.join(t.dir, 'bindeled.db');
  if (version > 0) fs.copyFileSync(path.join(FIXTURES, `schema-v${version}.db`), file);
  const db = new BetterSqlite3(file);
  db.pragma('foreign_keys = ON');
  const found = db.pragma('user_version', { simple: true });
  if (found !== version) throw new Error(`schema-v${version}.db is at version ${String(found)}`);
  return {
    db,
    close: () => {
      db.close();
      t.cleanup();
    },
  };
}

/** "table x", "index y", "trigger z" and their SQL, without the shadow tables of FTS5 indexes. */
export function schemaObjects(db: Database): Map<string, string> {
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").all() as Array<{
    type: string;
    name: string;
    sql: string | null;
  }>;
  const virtual = rows.filter((r) => /^CREATE VIRTUAL/i.test(r.sql ?? '')).map((r) => r.name);
  const shadow = (r: { type: string; name: string }) =>
    r.type === 'table' && virtual.some((v) => r.name.startsWith(`${v}_`));
  return new Map(rows.filter((r) => !shadow(r)).map((r) => [`${r.type} ${r.name}`, r.sql ?? '']));
}

/** What a migration added, removed and changed, each sorted. */
export function schemaChange(
  before: Map<string, string>,
  after: Map<string, string>,
): { added: string[]; removed: string[]; changed: string[] } {
  return {
    added: [...after.keys()].filter((k) => !before.has(k)).sort(),
    removed: [...before.keys()].filter((k) => !after.has(k)).sort(),
    changed: [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k)).sort(),
  };
}

type Rows = Record<string, Array<Record<string, unknown>>>;

/** Every row of each table, in rowid order (a join table WITHOUT ROWID: by its first two columns). */
export function rowsOf(db: Database, tables: string[]): Rows {
  const order = (t: string) =>
    /WITHOUT ROWID/i.test(String(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(t)))
      ? '1, 2'
      : 'rowid';
  return Object.fromEntries(
    tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY ${order(t)}`).all() as Rows[string]]),
  );
}

/** Matches the same tables with every row still there and every value it had; new columns aside. */
export function kept(before: Rows): Rows {
  return Object.fromEntries(
    Object.entries(before).map(([t, rows]) => [t, rows.map((r) => expect.objectContaining(r))]),
  );
}
