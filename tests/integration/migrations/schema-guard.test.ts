import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/core/db/open';

/**
 * The shipped-columns guard (Actual Budget's schema guard): tests/fixtures/schema-snapshot.sql
 * holds the schema as shipped. A column in it may never disappear or change its type, NOT NULL,
 * default or key, because databases and caseload files out there hold data in it. New tables and
 * columns are fine; full-text indexes (virtual tables) are derived data and may be rebuilt.
 */
const SNAPSHOT = path.resolve(__dirname, '../../fixtures/schema-snapshot.sql');
const HOW_TO_UPDATE =
  'A shipped column was removed or changed. If that is really intended (and a migration moves the data), ' +
  'regenerate the snapshot with "npx tsx scripts/make-schema-fixture.ts --snapshot" and explain why in the commit. ' +
  'Otherwise keep the column: migrations only add.';

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
  hidden: number;
}

function columnsByTable(db: BetterSqlite3.Database): Map<string, Column[]> {
  const tables = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'",
    )
    .all() as Array<{ name: string }>;
  const virtual = (
    db.prepare("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'").all() as Array<{ name: string }>
  ).map((r) => r.name);
  const out = new Map<string, Column[]>();
  for (const { name } of tables) {
    if (virtual.some((v) => name.startsWith(`${v}_`))) continue;
    out.set(name, db.pragma(`table_xinfo(${JSON.stringify(name)})`) as Column[]);
  }
  return out;
}

/** What changed in shipped tables and columns; additions are not problems. */
function shippedChanges(before: Map<string, Column[]>, now: Map<string, Column[]>): string[] {
  const problems: string[] = [];
  for (const [table, cols] of before) {
    const present = now.get(table);
    if (!present) {
      problems.push(`table ${table} was removed`);
      continue;
    }
    for (const col of cols) {
      const c = present.find((p) => p.name === col.name);
      if (!c) problems.push(`${table}.${col.name} was removed`);
      else
        for (const prop of ['type', 'notnull', 'dflt_value', 'pk', 'hidden'] as const)
          if (c[prop] !== col[prop])
            problems.push(`${table}.${col.name}: ${prop} changed from ${String(col[prop])} to ${String(c[prop])}`);
    }
  }
  return problems;
}

function schemaOf(sql: string): Map<string, Column[]> {
  const db = new BetterSqlite3(':memory:');
  db.exec(sql);
  const cols = columnsByTable(db);
  db.close();
  return cols;
}

describe('the shipped schema', () => {
  it('keeps every shipped table and column as it was', () => {
    const before = schemaOf(fs.readFileSync(SNAPSHOT, 'utf8'));
    const current = openDatabase(':memory:');
    const now = columnsByTable(current);
    current.close();

    const problems = shippedChanges(before, now);
    expect(problems, HOW_TO_UPDATE).toEqual([]);

    const added = [...now].flatMap(([t, cols]) =>
      before.has(t)
        ? cols.filter((c) => !before.get(t)?.some((b) => b.name === c.name)).map((c) => `${t}.${c.name}`)
        : [t],
    );
    if (added.length) {
      console.log(
        `schema guard: ${added.length} tables/columns are newer than the snapshot (${added.slice(0, 8).join(', ')}…); ` +
          'they are guarded once a release regenerates it.',
      );
    }
  });

  it('names each shipped column that was removed or changed, and lets new ones through', () => {
    const before = schemaOf(
      'CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT, n INTEGER DEFAULT 0)',
    );
    const now = schemaOf(
      'CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n REAL DEFAULT 0, extra TEXT); CREATE TABLE u (id INTEGER)',
    );
    expect(shippedChanges(before, now)).toEqual([
      't.name: notnull changed from 1 to 0',
      't.note was removed',
      't.n: type changed from INTEGER to REAL',
    ]);
    expect(shippedChanges(before, schemaOf('CREATE TABLE other (id INTEGER)'))).toEqual(['table t was removed']);
  });
});
