import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupInfo, BackupList, RestoreResult } from '../../../../src-main/api/contract';
import { createDispatcher } from '../../../../src-main/api/dispatcher';
import { runCli } from '../../../../src-main/cli/run-cli';
import { backupIfDue, backupToFile, createBackup, listBackups } from '../../../../src-main/core/backup/backup';
import { backupDir } from '../../../../src-main/core/backup/backup-names';
import { startupSafety } from '../../../../src-main/core/backup/startup';
import { latestVersion, migrate } from '../../../../src-main/core/db/migrate';
import { openDatabase } from '../../../../src-main/core/db/open';
import { tempFilesIn } from '../../../../src-main/core/files/leftovers';
import { openApp as openLiveApp } from '../../../helpers/live-app';
import { tempDir } from '../../../helpers/temp-db';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

function openApp() {
  const app = openLiveApp();
  cleanups.push(app.close);
  return app;
}

function names(db: BetterSqlite3.Database): string[] {
  return (db.prepare('SELECT name FROM companies ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name);
}

function filesIn(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

describe('backups', () => {
  it('are taken online into backups/ beside the database and listed for the Settings page', async () => {
    const app = openApp();
    await app.call('companies.create', { name: 'Smedjen i Ry' });
    const made = await app.call<BackupInfo>('backups.create');
    expect(made.reason).toBe('manual');
    expect(path.dirname(made.path)).toBe(path.join(app.dir, 'backups'));
    const list = await app.call<BackupList>('backups.list');
    expect(list.backups.map((b) => b.name)).toEqual([made.name]);
    expect(list).toMatchObject({ keepDaily: 14, keepWeekly: 8, maxAgeWeeks: 8, lastBackupAt: made.createdAt });
    const copy = new BetterSqlite3(made.path, { readonly: true });
    expect(names(copy)).toEqual(['Smedjen i Ry']);
    expect(copy.pragma('user_version', { simple: true })).toBe(latestVersion());
    copy.close();
    expect(tempFilesIn(backupDir(app.dbPath))).toEqual([]);
  });

  it('at start only when the newest backup is more than a day old', async () => {
    const app = openApp();
    const day1 = new Date('2024-05-01T08:00:00Z');
    expect(await backupIfDue(app.ctx.db, app.dbPath, { now: day1 })).not.toBeNull();
    expect(await backupIfDue(app.ctx.db, app.dbPath, { now: new Date('2024-05-01T20:00:00Z') })).toBeNull();
    const next = await backupIfDue(app.ctx.db, app.dbPath, { now: new Date('2024-05-02T08:00:01Z') });
    expect(next?.reason).toBe('daily');
    expect(listBackups(app.dbPath)).toHaveLength(2);
  });

  it('at start also clears a restore killed half-way and prunes the access log', async () => {
    const app = openApp();
    fs.writeFileSync(path.join(app.dir, '.bindeled.db.restore-deadbeef.tmp'), 'half a copy');
    app.ctx.db
      .prepare(
        "INSERT INTO access_log(at, actor, transport, action, method) VALUES ('2015-01-01T00:00:00Z', 'x', 'cli', 'read', 'companies.get')",
      )
      .run();
    const report = await startupSafety(app.ctx.db, app.dbPath, new Date('2024-05-01T08:00:00Z'));
    expect(report).toMatchObject({ leftovers: { finished: 0, removed: { restore: 1 } }, accessLogPruned: 1 });
    expect(report.backup?.reason).toBe('daily');
    expect(tempFilesIn(app.dir)).toEqual([]);
  });

  it('at start, deletes backups past the 8-week cap even when no backup is due', async () => {
    const app = openApp();
    const start = new Date('2024-03-01T06:00:00Z').getTime();
    for (let d = 0; d < 30; d++) {
      await createBackup(app.ctx.db, app.dbPath, 'daily', { now: new Date(start + d * 86_400_000) });
    }
    await createBackup(app.ctx.db, app.dbPath, 'manual', { now: new Date('2024-05-20T07:00:00Z') });
    // The next morning, less than a day later: no backup is due, but 26 March is now past the cap.
    const report = await startupSafety(app.ctx.db, app.dbPath, new Date('2024-05-21T06:30:00Z'));
    expect(report.backup).toBeNull();
    expect(report.rotatedOut).toEqual([expect.stringMatching(/^bindeled-20240326-/)]);
    const kept = listBackups(app.dbPath).map((b) => b.createdAt.slice(0, 10));
    expect(kept).toEqual(['2024-05-20', '2024-03-30', '2024-03-29', '2024-03-28', '2024-03-27']);
  });

  it('for a consultant back after months: a fresh backup first, then every old one goes', async () => {
    const app = openApp();
    await app.call('companies.create', { name: 'Smedjen i Ry' });
    for (let d = 0; d < 10; d++) {
      await createBackup(app.ctx.db, app.dbPath, 'daily', { now: new Date(Date.UTC(2024, 0, 10 + d, 7)) });
    }
    const report = await startupSafety(app.ctx.db, app.dbPath, new Date('2024-06-03T08:00:00Z'));
    expect(report.backup?.createdAt).toBe('2024-06-03T08:00:00.000Z');
    expect(listBackups(app.dbPath).map((b) => b.name)).toEqual([report.backup?.name]);
    const copy = new BetterSqlite3(report.backup?.path ?? '', { readonly: true });
    expect(names(copy)).toEqual(['Smedjen i Ry']);
    copy.close();
  });

  it('rotates on disk: 60 days of daily backups leave 14 daily + the weekly ones before them', async () => {
    const app = openApp();
    const start = new Date('2024-03-01T06:00:00Z').getTime();
    for (let d = 0; d < 60; d++) {
      await createBackup(app.ctx.db, app.dbPath, 'daily', { now: new Date(start + d * 86_400_000) });
    }
    const kept = listBackups(app.dbPath).map((b) => b.createdAt.slice(0, 10));
    // Days 16–29 April, then the newest of the ISO weeks before them (8 weeks counted from 29 April).
    expect(kept[0]).toBe('2024-04-29');
    expect(kept.slice(0, 14).at(-1)).toBe('2024-04-16');
    expect(kept.slice(14)).toEqual(['2024-04-14', '2024-04-07', '2024-03-31', '2024-03-24', '2024-03-17']);
  });

  it('before a migration, with the old schema version in the name', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = path.join(t.dir, 'old.db');
    const raw = new BetterSqlite3(file);
    migrate(raw, 10);
    raw
      .prepare(
        `INSERT INTO companies(uuid, record_type, name, name_sort, created_at, updated_at)
       VALUES ('u1', 'unregistered', 'Gammel Købmand', 'gammel kobmand', 'x', 'x')`,
      )
      .run();
    raw.close();
    openDatabase(file).close();
    const [b] = listBackups(file);
    expect(b).toMatchObject({ reason: 'before-migration', schemaVersion: 10 });
    const copy = new BetterSqlite3(b?.path ?? '', { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(10);
    expect(names(copy)).toEqual(['Gammel Købmand']);
    copy.close();
    // A new, empty database has nothing to lose: no backup.
    openDatabase(path.join(t.dir, 'new.db')).close();
    expect(listBackups(path.join(t.dir, 'new.db'))).toHaveLength(1);
  });
});

describe('restore', () => {
  it('round-trips: the backup comes back, the current state is kept as a safety backup, the app keeps working', async () => {
    const app = openApp();
    await app.call('companies.create', { name: 'Før Backup ApS' });
    const backup = await app.call<BackupInfo>('backups.create');
    await app.call('companies.create', { name: 'Efter Backup ApS' });
    const oldConnection = app.ctx.db;

    const r = await app.call<RestoreResult>('backups.restore', { name: backup.name });
    expect(r).toMatchObject({ schemaVersion: latestVersion(), companyCount: 1 });
    expect(r.safetyBackup.reason).toBe('before-restore');
    expect(oldConnection.open).toBe(false);
    expect(names(app.ctx.db)).toEqual(['Før Backup ApS']);
    // The next calls go to the restored database.
    await app.call('companies.create', { name: 'Ny Efter Gendannelse' });
    expect(names(app.ctx.db)).toEqual(['Før Backup ApS', 'Ny Efter Gendannelse']);

    const safety = new BetterSqlite3(r.safetyBackup.path, { readonly: true });
    expect(names(safety)).toEqual(['Efter Backup ApS', 'Før Backup ApS']);
    safety.close();
    expect(tempFilesIn(app.dir)).toEqual([]);
    expect(app.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('restores a file from an older schema and migrates it', async () => {
    const app = openApp();
    const t = tempDir();
    cleanups.push(t.cleanup);
    const old = path.join(t.dir, 'v10.db');
    const raw = new BetterSqlite3(old);
    migrate(raw, 10);
    raw
      .prepare(
        `INSERT INTO companies(uuid, record_type, name, name_sort, created_at, updated_at)
       VALUES ('u1', 'unregistered', 'Fra Version 10', 'fra version 10', 'x', 'x')`,
      )
      .run();
    raw.close();
    const restored = await app.restoreFrom(old);
    if (!restored.ok) throw new Error(restored.error.message);
    const r = restored.value as RestoreResult;
    expect(r.schemaVersion).toBe(latestVersion());
    expect(names(app.ctx.db)).toEqual(['Fra Version 10']);
  });

  async function refused(app: ReturnType<typeof openApp>, file: string): Promise<{ code: string; message: string }> {
    await app.call('companies.create', { name: 'Bliver Stående' });
    const before = filesIn(app.dir);
    const backupsBefore = listBackups(app.dbPath).length;
    const r = await app.restoreFrom(file);
    expect(r.ok).toBe(false);
    expect(names(app.ctx.db)).toEqual(['Bliver Stående']);
    expect(filesIn(app.dir)).toEqual(before);
    expect(listBackups(app.dbPath)).toHaveLength(backupsBefore);
    return r.ok ? { code: '', message: '' } : r.error;
  }

  it('refuses a damaged file and changes nothing', async () => {
    const app = openApp();
    await app.call('companies.create', { name: 'Noget Data' });
    const out = path.join(app.dir, 'damaged.db');
    await backupToFile(app.ctx.db, out);
    // Scribble over the second half of the file: pages of tables and indexes.
    const bytes = fs.readFileSync(out);
    for (let i = Math.floor(bytes.length / 2); i < bytes.length; i += 7) bytes[i] = 0x5a;
    fs.writeFileSync(out, bytes);
    app.ctx.db.prepare('DELETE FROM companies').run();
    const e = await refused(app, out);
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(/beskadiget/);
  });

  it('refuses a file that is not SQLite, a foreign SQLite file and a missing file', async () => {
    const app = openApp();
    const text = path.join(app.dir, 'notes.db');
    fs.writeFileSync(text, 'Dette er ikke en database\n'.repeat(100));
    expect((await refused(app, text)).message).toMatch(/ikke en SQLite-fil/);

    const foreign = path.join(app.dir, 'other.db');
    const o = new BetterSqlite3(foreign);
    o.exec('CREATE TABLE recipes(id INTEGER PRIMARY KEY, title TEXT)');
    o.close();
    app.ctx.db.prepare('DELETE FROM companies').run();
    expect((await refused(app, foreign)).message).toMatch(/ikke en Bindeled-database/);

    app.ctx.db.prepare('DELETE FROM companies').run();
    expect((await refused(app, path.join(app.dir, 'nowhere.db'))).code).toBe('not_found');
  });

  it('refuses a backup from a newer Bindeled with a clear message', async () => {
    const app = openApp();
    const newer = path.join(app.dir, 'newer.db');
    await backupToFile(app.ctx.db, newer);
    const n = new BetterSqlite3(newer);
    n.pragma(`user_version = ${latestVersion() + 10}`);
    n.close();
    const e = await refused(app, newer);
    expect(e.code).toBe('schema_too_new');
    expect(e.message).toMatch(/nyere Bindeled/);
  });

  it('refuses a backup name that is not in the folder, and restore without a live connection', async () => {
    const app = openApp();
    const r = await app.dispatch('backups.restore', { name: 'bindeled-20240101-000000-000-v50-daily.db' });
    expect(r.ok ? null : r.error.code).toBe('not_found');
    const traversal = await app.dispatch('backups.restore', { name: '../bindeled.db' });
    expect(traversal.ok ? null : traversal.error.code).toBe('invalid_input');
    const noLive = createDispatcher({ ...app.ctx, live: undefined });
    const r2 = await noLive('backups.restore', { path: app.dbPath });
    expect(r2.ok ? null : r2.error.code).toBe('unsupported');
  });

  it('refuses to restore from a path the user did not pick', async () => {
    const app = openApp();
    await app.call('companies.create', { name: 'Bliver Stående' });
    const t = tempDir();
    cleanups.push(t.cleanup);
    const other = path.join(t.dir, 'andet.db');
    await backupToFile(app.ctx.db, other);
    const r = await app.dispatch('backups.restore', { path: other });
    expect(r.ok ? null : r.error.code).toBe('forbidden');
    expect(names(app.ctx.db)).toEqual(['Bliver Stående']);
  });
});

describe('backup and restore from the command line', () => {
  it('backup --out FILE and restore FILE', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = path.join(t.dir, 'cli.db');
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    expect(await runCli(['--db', db, 'companies', 'add', '--name', 'Første Firma'], io)).toBe(0);
    const file = path.join(t.dir, 'kopi', 'sikkerhed.db');
    expect(await runCli(['--db', db, 'backup', '--out', file], io)).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
    expect(await runCli(['--db', db, 'companies', 'add', '--name', 'Andet Firma'], io)).toBe(0);
    expect(await runCli(['--db', db, 'restore', file], io)).toBe(0);
    out.length = 0;
    expect(await runCli(['--db', db, 'companies', 'list'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/Første Firma/);
    expect(out.join('\n')).not.toMatch(/Andet Firma/);
    expect(await runCli(['--db', db, 'backup', '--list'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/before-restore/);
    const junk = path.join(t.dir, 'junk.db');
    fs.writeFileSync(junk, 'junk');
    out.length = 0;
    expect(await runCli(['--db', db, 'restore', junk], io)).toBe(1);
    expect(out.join('\n')).toMatch(/ikke en SQLite-fil/);
  });
});
