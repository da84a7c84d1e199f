import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../../src-main/api/contract';
import { backupDir } from '../../../../src-main/core/backup/backup-names';
import {
  isBackupRewriteTemp,
  type RewriteStep,
  removeBackupRewriteLeftovers,
  rewriteBackupWithout,
} from '../../../../src-main/core/backup/erase-in-backups';
import { hardDeleteCompany } from '../../../../src-main/core/privacy/erase';
import { erasureLedger } from '../../../../src-main/core/privacy/erasure-ledger';
import { alive, runKillable } from '../../../fixtures/kill/kill-rounds';
import { openApp } from '../../../helpers/live-app';
import { FIRM, seedPerson } from '../../../helpers/privacy-seed';
import { tempDir } from '../../../helpers/temp-db';

/**
 * Crash safety of rewriting a backup without an erased company: wherever the rewrite stops, the
 * backup's name holds either the old file or the new one, whole, and everything else it left is a
 * hidden temporary that the start-up sweep recognises and removes.
 */
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A caseload with the company erased, and one backup from before, that still holds it. */
async function erasedWithBackup(extraCompanies = 0) {
  const a = openApp();
  cleanups.push(a.close);
  const firm = await seedPerson(a.call, a.ctx.db);
  if (extraCompanies > 0) {
    // Bulk so the rewrite takes long enough for kills to land inside it.
    const company = a.ctx.db.prepare(
      `INSERT INTO companies(uuid, record_type, name, name_sort, city, created_at, updated_at)
       VALUES (?, 'unregistered', ?, ?, 'Ebeltoft', 'x', 'x')`,
    );
    const visit = a.ctx.db.prepare(
      `INSERT INTO visits(uuid, company_id, date, type, notes, created_at, updated_at)
       VALUES (?, ?, '2024-01-01', 'visit', ?, 'x', 'x')`,
    );
    a.ctx.db.transaction(() => {
      for (let i = 0; i < extraCompanies; i++) {
        const id = company.run(`fill-${i}`, `Fyldfirma ${i}`, `fyldfirma ${i}`).lastInsertRowid;
        visit.run(`fill-v-${i}`, id, `Besøg ${i}: gårdbutik, smedje, bageri og overnatning på landet nummer ${i}`);
      }
    })();
  }
  const backup = await a.call<BackupInfo>('backups.create');
  hardDeleteCompany(a.ctx.db, firm.id);
  return { a, backup, original: fs.readFileSync(backup.path), entries: erasureLedger(a.ctx.db) };
}

/** Which file the backup's name holds: the old one (byte for byte) or a whole new one without the company. */
function whichVersion(file: string, oldSha: string): 'old' | 'new' {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    if (sha(file) === oldSha) return 'old';
    expect(db.prepare('SELECT count(*) FROM companies WHERE name = ?').pluck().get(FIRM)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM erasure_ledger').pluck().get()).toBe(1);
  } finally {
    db.close();
  }
  expect(fs.readFileSync(file).includes(Buffer.from(FIRM))).toBe(false);
  return 'new';
}

/** What the start-up sweep leaves of a folder: every other file must be a recognised temporary. */
function sweepImage(imageDb: string, backupName: string): void {
  const dir = backupDir(imageDb);
  const others = fs.readdirSync(dir).filter((f) => f !== backupName);
  expect(others.filter((f) => !isBackupRewriteTemp(f))).toEqual([]);
  expect(removeBackupRewriteLeftovers(imageDb)).toBe(others.length);
  expect(fs.readdirSync(dir)).toEqual([backupName]);
}

describe('rewriting a backup without an erased company', () => {
  it('leaves the old or the new file under the backup’s name when it stops after any step', async () => {
    const { a, backup, original, entries } = await erasedWithBackup();
    const oldSha = sha(backup.path);
    const dir = backupDir(a.dbPath);
    const steps: RewriteStep[] = ['copied', 'erased', 'compacted', 'synced', 'renamed'];
    const seen: Record<string, { version: string; temps: number }> = {};
    for (const stop of steps) {
      fs.writeFileSync(backup.path, original);
      // The folder as a crash at this step would leave it on disk.
      const image = tempDir();
      cleanups.push(image.cleanup);
      const imageDb = path.join(image.dir, 'bindeled.db');
      expect(() =>
        rewriteBackupWithout(backup.path, entries, {
          onStep: (step) => {
            if (step !== stop) return;
            fs.cpSync(dir, backupDir(imageDb), { recursive: true });
            throw new Error(`injected failure after ${step}`);
          },
        }),
      ).toThrow(`injected failure after ${stop}`);
      const imageBackup = path.join(backupDir(imageDb), backup.name);
      seen[stop] = {
        version: whichVersion(imageBackup, oldSha),
        temps: fs.readdirSync(backupDir(imageDb)).length - 1,
      };
      sweepImage(imageDb, backup.name);
      // The failure itself cleaned up after it, and left a whole file.
      expect(fs.readdirSync(dir)).toEqual([backup.name]);
      expect(whichVersion(backup.path, oldSha)).toBe(stop === 'renamed' ? 'new' : 'old');
    }
    // The new file takes the name only with the rename; the erased copy is gone before that.
    expect(seen).toEqual({
      copied: { version: 'old', temps: 1 },
      erased: { version: 'old', temps: 1 },
      compacted: { version: 'old', temps: 2 },
      synced: { version: 'old', temps: 1 },
      renamed: { version: 'new', temps: 0 },
    });
  });

  const ROUNDS = Number(process.env.KILL_ROUNDS_REWRITE ?? 8);

  it(`leaves the old or the new file when killed at moments spread over the rewrite (${ROUNDS} SIGKILLs)`, {
    timeout: 120_000 + ROUNDS * 20_000,
  }, async () => {
    const { a, backup, original } = await erasedWithBackup(4_000);
    const oldSha = sha(backup.path);
    const dir = backupDir(a.dbPath);
    const child = path.resolve(__dirname, '../../../fixtures/kill/rewrite-child.ts');
    // One rewrite to the end says how long it takes here; kills spread over 0–120 % of it.
    const full = await runKillable(child, [a.dbPath, backup.path], null);
    const rewriteMs = Number(/done (\d+)/.exec(full.out)?.[1] ?? 200);
    expect(whichVersion(backup.path, oldSha)).toBe('new');
    const outcomes = { old: 0, new: 0, withTemps: 0 };
    for (let round = 1; round <= ROUNDS; round++) {
      fs.writeFileSync(backup.path, original);
      const delay = Math.round(((round - 0.5) / ROUNDS) * rewriteMs * 1.2);
      const { out } = await runKillable(child, [a.dbPath, backup.path], delay);
      const pid = Number(/pid (\d+)/.exec(out)?.[1]);
      expect(pid && !alive(pid)).toBe(true);
      outcomes[whichVersion(backup.path, oldSha)]++;
      if (fs.readdirSync(dir).length > 1) outcomes.withTemps++;
      sweepImage(a.dbPath, backup.name);
    }
    console.log(
      `backup rewrite kill test: ${ROUNDS} SIGKILLs over a ${rewriteMs} ms rewrite of a ${Math.round(original.length / 1024)} kB backup: ` +
        `${outcomes.old} old, ${outcomes.new} new, ${outcomes.withTemps} left temporaries (swept), 0 half files`,
    );
    expect(outcomes.old + outcomes.new).toBe(ROUNDS);
  });
});
