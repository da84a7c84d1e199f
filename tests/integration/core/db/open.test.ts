import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { latestVersion } from '../../../../src-main/core/db/migrate';
import { openDatabase } from '../../../../src-main/core/db/open';
import { DomainError } from '../../../../src-main/core/errors';
import { tempDir } from '../../../helpers/temp-db';

let cleanup = () => {};
afterEach(() => cleanup());

function freshFile(): string {
  const t = tempDir();
  cleanup = t.cleanup;
  return path.join(t.dir, 'caseload.db');
}

describe('opening a caseload database', () => {
  it('creates the schema in an empty file with WAL, foreign keys and the seeds', () => {
    const file = freshFile();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT count(*) AS n FROM kommuner').get()).toEqual({ n: 19 });
    const orgs = db.prepare('SELECT name FROM organisations').all() as Array<{ name: string }>;
    expect(orgs.map((o) => o.name)).toEqual(
      expect.arrayContaining([
        'Væksthus Midtjylland',
        'Erhvervshus Midtjylland',
        'LAG Djursland',
        'Alexandra Instituttet',
      ]),
    );
    db.close();
  });

  it('re-opens an existing file without running migrations again or losing data', () => {
    const file = freshFile();
    const db = openDatabase(file);
    db.prepare(
      `INSERT INTO companies(uuid, record_type, name, name_sort, created_at, updated_at) VALUES ('u1', 'unregistered', 'Smedjen', 'smedjen', 'x', 'x')`,
    ).run();
    db.close();
    const again = openDatabase(file);
    expect(again.prepare('SELECT name FROM companies').all()).toEqual([{ name: 'Smedjen' }]);
    expect(again.prepare('SELECT count(*) AS n FROM kommuner').get()).toEqual({ n: 19 });
    again.close();
  });

  it('refuses a database written by a newer Bindeled, leaving it untouched', () => {
    const file = freshFile();
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${latestVersion() + 10}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(DomainError);
    try {
      openDatabase(file);
    } catch (err) {
      expect((err as DomainError).code).toBe('schema_too_new');
    }
    const check = new BetterSqlite3(file);
    expect(check.pragma('user_version', { simple: true })).toBe(latestVersion() + 10);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'companies'").get()).toEqual({ n: 0 });
    check.close();
  });

  it('asks for a backup before migrating an older file, not on a current one', () => {
    const file = freshFile();
    const calls: Array<[number, number]> = [];
    openDatabase(file, { beforeMigrate: (_db, from, to) => calls.push([from, to]) }).close();
    openDatabase(file, { beforeMigrate: (_db, from, to) => calls.push([from, to]) }).close();
    expect(calls).toEqual([[0, latestVersion()]]);
  });
});
