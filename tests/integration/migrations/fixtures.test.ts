import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseloadPage } from '../../../src-main/api/contract';
import { createDispatcher } from '../../../src-main/api/dispatcher';
import { headlessShell } from '../../../src-main/api/headless-shell';
import { listBackups } from '../../../src-main/core/backup/backup';
import { latestVersion } from '../../../src-main/core/db/migrate';
import { migrations } from '../../../src-main/core/db/migrations';
import { openDatabase } from '../../../src-main/core/db/open';
import { tempDir } from '../../helpers/temp-db';

/**
 * Every earlier schema version has a fixture database in tests/fixtures (made by
 * `npx tsx scripts/make-schema-fixture.ts VERSION`); today's code must open each one, migrate it
 * and keep every row and every value it held.
 */
const FIXTURES = path.resolve(__dirname, '../../fixtures');

/** Where a migration meant to change stored values, name the table and column here with the reason. */
const INTENDED_CHANGES: Record<string, string> = {
  // 0040 gives the seeded organisations stable uuids and one creation stamp.
  'organisations.uuid': 'stable seed uuids (0040)',
  'organisations.created_at': 'one creation stamp for seeds (0040)',
};

let cleanup = () => {};
afterEach(() => cleanup());

type Row = Record<string, unknown>;

function userTables(db: BetterSqlite3.Database): string[] {
  const rows = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as Array<{ name: string; sql: string }>;
  const virtual = rows.filter((r) => /^CREATE VIRTUAL/i.test(r.sql)).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((n) => !virtual.includes(n) && !virtual.some((v) => n.startsWith(`${v}_`)))
    .sort();
}

function snapshot(file: string): Map<string, Row[]> {
  const db = new BetterSqlite3(file, { readonly: true });
  const out = new Map<string, Row[]>();
  for (const t of userTables(db)) {
    const withoutRowid = /WITHOUT ROWID/i.test(
      (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(t) as { sql: string }).sql,
    );
    out.set(t, db.prepare(`SELECT ${withoutRowid ? '' : 'rowid AS __rowid, '}* FROM "${t}"`).all() as Row[]);
  }
  db.close();
  return out;
}

const fixtureVersions = fs
  .readdirSync(FIXTURES)
  .map((f) => /^schema-v(\d+)\.db$/.exec(f)?.[1])
  .filter((v): v is string => v !== undefined)
  .map(Number)
  .sort((a, b) => a - b);

describe('databases made by earlier versions', () => {
  it('have a fixture for every earlier schema version', () => {
    const earlier = migrations.map((m) => m.version).filter((v) => v < latestVersion());
    const missing = earlier.filter((v) => !fixtureVersions.includes(v));
    expect(
      missing,
      `Make the missing fixtures with "npx tsx scripts/make-schema-fixture.ts VERSION" and commit them`,
    ).toEqual([]);
  });

  it.each(fixtureVersions)('schema %i opens, migrates and keeps every row and value', async (version) => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'bindeled.db');
    fs.copyFileSync(path.join(FIXTURES, `schema-v${version}.db`), file);
    const before = snapshot(file);
    expect(new BetterSqlite3(file, { readonly: true }).pragma('user_version', { simple: true })).toBe(version);

    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      if (version < latestVersion()) {
        expect(listBackups(file).map((b) => [b.reason, b.schemaVersion])).toEqual([['before-migration', version]]);
      }

      const lost: string[] = [];
      for (const [table, rows] of before) {
        // table_xinfo: generated columns count too.
        const cols = (db.pragma(`table_xinfo("${table}")`) as Array<{ name: string }>).map((c) => c.name);
        if (cols.length === 0) {
          lost.push(`table ${table} is gone`);
          continue;
        }
        for (const row of rows) {
          // Tables WITHOUT ROWID (join tables) are found by all their values, the others by rowid.
          const byRowid = '__rowid' in row;
          const match = byRowid ? ['rowid'] : Object.keys(row);
          const now = db
            .prepare(`SELECT * FROM "${table}" WHERE ${match.map((c) => `"${c}" IS ?`).join(' AND ')}`)
            .get(...(byRowid ? [row.__rowid] : Object.values(row))) as Row | undefined;
          const label = `${table} row ${byRowid ? String(row.__rowid) : JSON.stringify(row)}`;
          if (!now) {
            lost.push(`${label} is gone`);
            continue;
          }
          for (const [col, value] of Object.entries(row)) {
            if (col === '__rowid' || INTENDED_CHANGES[`${table}.${col}`]) continue;
            if (!cols.includes(col)) lost.push(`${table}.${col} is gone`);
            // A BLOB (a ledger's hash key) comes back as a new Buffer: compared by its bytes.
            else if (Buffer.isBuffer(value) ? !value.equals(now[col] as Buffer) : now[col] !== value)
              lost.push(`${label}, ${col}: ${String(value)} → ${String(now[col])}`);
          }
        }
      }
      expect(lost).toEqual([]);

      // The search indexes were carried along: the old firm is found by name and by owner.
      const dispatch = createDispatcher({
        db,
        dbPath: file,
        transport: 'cli',
        appVersion: 'test',
        emit: () => {},
        shell: headlessShell(path.join(t.dir, 'docs')),
      });
      for (const search of ['Ådalens', 'Mette Jensen', '13748136']) {
        const r = await dispatch('companies.list', { search });
        expect(r.ok ? (r.value as CaseloadPage).rows.map((row) => row.name) : r.error).toEqual(['Ådalens Gårdbutik']);
      }
    } finally {
      db.close();
    }
  });
});
