import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupInfo, Company, HardDeleteResult, RestoreResult } from '../../../../src-main/api/contract';
import { runCli } from '../../../../src-main/cli/run-cli';
import { backupToFile, createBackup, listBackups } from '../../../../src-main/core/backup/backup';
import { backupDir, backupFileName } from '../../../../src-main/core/backup/backup-names';
import { isBackupRewriteTemp } from '../../../../src-main/core/backup/erase-in-backups';
import { startupSafety } from '../../../../src-main/core/backup/startup';
import { latestVersion } from '../../../../src-main/core/db/migrate';
import { hardDeleteCompany } from '../../../../src-main/core/privacy/erase';
import { openApp } from '../../../helpers/live-app';
import { FIRM, FIRM_CVR, NEEDLES, seedPerson } from '../../../helpers/privacy-seed';
import { tempDir } from '../../../helpers/temp-db';

/**
 * Erasure reaches backups (docs/privacy.md): the backups in the folder are rewritten without the
 * company, and a restore of any file, also one kept outside the folder, erases it again before
 * the file is used, because the database's erasure ledger goes along.
 */
let cleanups: Array<() => void> = [];
afterEach(() => {
  vi.useRealTimers();
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

function app(dbPath?: string) {
  const a = openApp(dbPath);
  cleanups.push(a.close);
  return a;
}

const DAY = 86_400_000;
const CONTROL = 'Kontrolfirmaet Hedeby';
// The CVR in plain digits too: the ledger may hold it only as a keyed hash.
const ALL_NEEDLES = [...NEEDLES, FIRM_CVR];
// Words each full-text index would find the company by (trigram indexes need three letters).
const FTS_TERMS = ['zylofon', 'brunhilde', 'qvistrup', 'xanthippe', 'zylofonværksted', 'hjalmar'];

/**
 * Every trace of the company in a caseload file: its bytes (and its WAL's), every value in every
 * table (the full-text indexes' shadow tables included), and a search of each full-text index.
 */
function tracesIn(file: string): string[] {
  const found: string[] = [];
  const bytes = Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
  for (const n of ALL_NEEDLES) if (bytes.includes(Buffer.from(n, 'utf8'))) found.push(`bytes: ${n}`);
  // Read-write, never written: a read-only connection would leave -wal and -shm beside a backup.
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as Array<{
      name: string;
      sql: string;
    }>;
    for (const t of tables) {
      for (const row of db.prepare(`SELECT * FROM "${t.name}"`).raw().all() as unknown[][]) {
        for (const v of row) {
          const text = typeof v === 'string' ? v.toLocaleLowerCase('da') : Buffer.isBuffer(v) ? v.toString('utf8') : '';
          for (const n of ALL_NEEDLES) if (text.includes(n.toLocaleLowerCase('da'))) found.push(`${t.name}: ${n}`);
        }
      }
      if (/USING fts5/i.test(t.sql)) {
        for (const term of FTS_TERMS) {
          const n = db.prepare(`SELECT count(*) FROM "${t.name}" WHERE "${t.name}" MATCH ?`).pluck().get(`"${term}"`);
          if (n) found.push(`${t.name} MATCH ${term}`);
        }
      }
    }
  } finally {
    db.close();
  }
  return [...new Set(found)];
}

function ledgerUuids(file: string): string[] {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    return db.prepare('SELECT company_uuid FROM erasure_ledger').pluck().all() as string[];
  } finally {
    db.close();
  }
}

function schemaOf(file: string): number {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

function uuidOf(a: ReturnType<typeof app>, id: number): string {
  return a.ctx.db.prepare('SELECT uuid FROM companies WHERE id = ?').pluck().get(id) as string;
}

const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => isBackupRewriteTemp(f) || f.includes('.restore-'));

describe('erasing a company from the backups', () => {
  it('rewrites every backup without it, and no restore of any backup or outside copy brings it back', async () => {
    const a = app();
    await a.call('companies.create', { name: CONTROL, kommuneCode: 751 });
    const firm = await seedPerson(a.call, a.ctx.db);
    const uuid = uuidOf(a, firm.id);
    const now = Date.now();
    // Backups from the last weeks, each with a little more in it.
    await createBackup(a.ctx.db, a.dbPath, 'daily', { now: new Date(now - 30 * DAY) });
    await a.call('contacts.create', { companyId: firm.id, name: 'Brunhilde Junior', email: 'junior@zylofon.dk' });
    await createBackup(a.ctx.db, a.dbPath, 'before-import', { now: new Date(now - 10 * DAY) });
    await a.call('companies.list', { search: 'Brunhilde' });
    await a.call<BackupInfo>('backups.create');
    // Two copies kept outside the folder, out of erasure's reach: `backup --out` from the command line.
    const outside = tempDir();
    cleanups.push(outside.cleanup);
    const copyA = path.join(outside.dir, 'usb', 'kopi-a.db');
    const copyB = path.join(outside.dir, 'usb', 'kopi-b.db');
    const io = { out: () => {}, err: () => {} };
    expect(await runCli(['--db', a.dbPath, 'backup', '--out', copyA], io)).toBe(0);
    await backupToFile(a.ctx.db, copyB);
    const before = listBackups(a.dbPath);
    expect(before).toHaveLength(3);
    // The searches below find it now (their terms are logged, so they are not among the needles).
    expect((await a.call<{ total: number }>('companies.list', { search: 'Zylofon' })).total).toBe(1);
    expect((await a.call<{ total: number }>('search.visits', { query: 'zylofon' })).total).toBe(1);
    for (const b of before) expect(tracesIn(b.path)).not.toEqual([]);

    const r = await a.call<HardDeleteResult>('privacy.deleteCompany', { id: firm.id, confirmName: FIRM });
    expect(r.backups.rewritten.sort()).toEqual(before.map((b) => b.name).sort());
    expect(r.backups.failed).toEqual([]);

    for (const b of before) {
      expect([b.name, tracesIn(b.path)]).toEqual([b.name, []]);
      expect(ledgerUuids(b.path)).toEqual([uuid]);
      expect(schemaOf(b.path)).toBe(b.schemaVersion);
    }
    // Same names, same times: rotation and the list see the same backups as before.
    expect(listBackups(a.dbPath).map((b) => b.name)).toEqual(before.map((b) => b.name));
    expect(leftovers(backupDir(a.dbPath))).toEqual([]);

    for (const b of before) {
      const restored = await a.call<RestoreResult>('backups.restore', { name: b.name });
      expect(restored.erasuresApplied).toBe(0);
      expect([b.name, tracesIn(a.dbPath)]).toEqual([b.name, []]);
      expect(restored.companyCount).toBe(1);
    }
    // The outside copies still hold the company (nothing reaches them there)...
    expect(tracesIn(copyA)).not.toEqual([]);
    // ...but a restore erases it before the file is used, and the ledger goes along into the
    // restored database: restoring copy B afterwards relies on the ledger that came with A.
    for (const copy of [copyA, copyB]) {
      const restored = await a.restoreFrom(copy);
      if (!restored.ok) throw new Error(restored.error.message);
      expect((restored.value as RestoreResult).erasuresApplied).toBe(1);
      expect([copy, tracesIn(a.dbPath)]).toEqual([copy, []]);
      expect(ledgerUuids(a.dbPath)).toEqual([uuid]);
      const list = await a.call<{ rows: Company[] }>('companies.list', {});
      expect(list.rows.map((c) => c.name)).toEqual([CONTROL]);
      expect((await a.call<{ total: number }>('companies.list', { search: 'Zylofon' })).total).toBe(0);
      expect((await a.call<{ total: number }>('search.visits', { query: 'zylofon' })).total).toBe(0);
    }
    expect(a.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(a.ctx.db.pragma('foreign_key_check')).toEqual([]);
    // Every backup the restores made along the way is clean as well.
    for (const b of listBackups(a.dbPath)) expect([b.name, tracesIn(b.path)]).toEqual([b.name, []]);
    expect(leftovers(a.dir)).toEqual([]);
    expect(leftovers(backupDir(a.dbPath))).toEqual([]);
  });

  it('reaches a backup made by an earlier schema, which keeps its schema and is migrated when restored', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = path.join(t.dir, 'bindeled.db');
    fs.copyFileSync(path.resolve(__dirname, '../../../fixtures/schema-v100.db'), file);
    const a = app(file); // migrates, with a before-migration backup at schema 100
    const [old] = listBackups(file);
    expect(old).toMatchObject({ reason: 'before-migration', schemaVersion: 100 });
    const oldPath = old?.path ?? '';
    const name = 'Ådalens Gårdbutik';
    expect(fs.readFileSync(oldPath).includes(Buffer.from(name))).toBe(true);

    const r = await a.call<HardDeleteResult>('privacy.deleteCompany', { id: 1, confirmName: name });
    expect(r.backups.rewritten).toEqual([old?.name]);
    expect(schemaOf(oldPath)).toBe(100);
    expect(ledgerUuids(oldPath)).toEqual(['fixture-company-1']);
    const bytes = fs.readFileSync(oldPath);
    for (const trace of [name, 'Mette Jensen', 'mette@aadalen.dk', '13748136'])
      expect([trace, bytes.includes(Buffer.from(trace))]).toEqual([trace, false]);

    const restored = await a.call<RestoreResult>('backups.restore', { name: old?.name });
    expect(restored).toMatchObject({ schemaVersion: latestVersion(), companyCount: 2, erasuresApplied: 0 });
    const names = a.ctx.db.prepare('SELECT name FROM companies ORDER BY id').pluck().all();
    expect(names).toEqual(['Idé: mobilt bageri', 'Smedjen i Ry ApS']);
    expect(ledgerUuids(file)).toEqual(['fixture-company-1']);
    // The restore migrated the copy itself: no before-migration backup of a file that held the company.
    expect(listBackups(file).filter((b) => b.reason === 'before-migration')).toHaveLength(1);
  });

  it('finds the company in another caseload by its CVR, but keeps a case entered anew after the erasure', async () => {
    const a = app();
    await a.call('companies.create', { name: CONTROL, kommuneCode: 751 });
    const firm = await seedPerson(a.call, a.ctx.db);
    // Another caseload holding the same firm under another uuid (entered there by hand).
    const t = tempDir();
    cleanups.push(t.cleanup);
    const other = app(path.join(t.dir, 'kollega.db'));
    await seedPerson(other.call, other.ctx.db);
    await other.call('companies.create', { name: 'Kollegaens Eget Firma' });
    const colleagueCopy = path.join(t.dir, 'kollega-kopi.db');
    await backupToFile(other.ctx.db, colleagueCopy);

    await a.call('privacy.deleteCompany', { id: firm.id, confirmName: FIRM });
    const restored = await a.restoreFrom(colleagueCopy);
    if (!restored.ok) throw new Error(restored.error.message);
    expect((restored.value as RestoreResult).erasuresApplied).toBe(1);
    expect(tracesIn(a.dbPath)).toEqual([]);
    expect(a.ctx.db.prepare('SELECT name FROM companies').pluck().all()).toEqual(['Kollegaens Eget Firma']);

    // An hour later the firm asks for help again and is entered anew: a later restore must not
    // erase the new case.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3_600_000);
    const comeback = await a.call<Company>('companies.create', { name: 'Qvistrup Zylofon Igen', cvr: FIRM_CVR });
    const later = path.join(t.dir, 'efter.db');
    await backupToFile(a.ctx.db, later);
    const again = await a.restoreFrom(later);
    if (!again.ok) throw new Error(again.error.message);
    expect((again.value as RestoreResult).erasuresApplied).toBe(0);
    expect(a.ctx.db.prepare('SELECT id FROM companies WHERE cvr = ?').pluck().get(FIRM_CVR)).toBe(comeback.id);
  });

  it('from the command line: privacy delete rewrites the backups, and restore erases again', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = path.join(t.dir, 'cli.db');
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    const cli = async (...args: string[]) => {
      out.length = 0;
      expect(await runCli(['--db', db, ...args], io)).toBe(0);
      return out.join('\n');
    };
    await cli('companies', 'add', '--name', FIRM, '--cvr', FIRM_CVR, '--owner', 'Brunhilde Xanthippe Østergaard');
    await cli('companies', 'add', '--name', CONTROL);
    await cli('backup');
    const outside = path.join(t.dir, 'usb', 'kopi.db');
    await cli('backup', '--out', outside);
    expect(await cli('privacy', 'delete', '--company', FIRM_CVR, '--yes')).toMatch(
      /1 sikkerhedskopier skrevet om uden virksomheden/,
    );
    const [backup] = listBackups(db);
    expect(tracesIn(backup?.path ?? '')).toEqual([]);
    expect(await cli('restore', outside)).toMatch(/1 virksomheder, som var slettet efter GDPR, er slettet igen/);
    const list = await cli('companies', 'list');
    expect(list).toMatch(new RegExp(CONTROL));
    expect(list).not.toMatch(/Zylofon/);
    expect(tracesIn(db)).toEqual([]);
  });

  it('reports a backup it cannot rewrite and rewrites the others', async () => {
    const a = app();
    const firm = await seedPerson(a.call, a.ctx.db);
    const good = await a.call<BackupInfo>('backups.create');
    // A file with a backup's name that is no database (damaged on disk, say).
    const young = path.join(backupDir(a.dbPath), backupFileName(new Date(Date.now() - DAY), latestVersion(), 'manual'));
    fs.writeFileSync(young, 'not a database at all');
    const r = await a.call<HardDeleteResult>('privacy.deleteCompany', { id: firm.id, confirmName: FIRM });
    expect(r.backups.rewritten).toEqual([good.name]);
    expect(r.backups.failed.map((f) => f.name)).toEqual([path.basename(young)]);
    expect(fs.readFileSync(young, 'utf8')).toBe('not a database at all');
    expect(tracesIn(good.path)).toEqual([]);
  });

  it('is finished at the next start when it was cut off, and the start sweeps a killed rewrite’s temporaries', async () => {
    const a = app();
    const firm = await seedPerson(a.call, a.ctx.db);
    const b = await a.call<BackupInfo>('backups.create');
    // The erasure committed, then the app died before it reached the backups.
    hardDeleteCompany(a.ctx.db, firm.id);
    expect(tracesIn(b.path)).not.toEqual([]);
    const dir = backupDir(a.dbPath);
    const stale = [
      `.${b.name}.erase-0badf00d.work`,
      `.${b.name}.erase-0badf00d.work-journal`,
      `.${b.name}.erase-0badf00d.tmp`,
    ];
    for (const f of stale) fs.writeFileSync(path.join(dir, f), `${FIRM} half written`);

    const report = await startupSafety(a.ctx.db, a.dbPath);
    expect(report.staleBackupRewrites).toBe(3);
    expect(report.erasedFromBackups).toEqual({ rewritten: [b.name], failed: [] });
    expect(tracesIn(b.path)).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([b.name]);
    // Nothing left to do at the start after that.
    expect((await startupSafety(a.ctx.db, a.dbPath)).erasedFromBackups).toEqual({ rewritten: [], failed: [] });
  });
});
