import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/db/open';
import { cvrCheckDigit } from '../../src-main/core/domain/cvr';
import { tempDir } from '../helpers/temp-db';

/**
 * An import killed halfway leaves the database as it was. A child process imports a 10,000-row
 * CSV (9,000 new firms, 1,000 updates of stored ones) with the real importer and is killed with
 * SIGKILL when its progress reaches a chosen point: while rows are checked, and at several points
 * inside the write transaction. Afterwards integrity_check passes and the database holds exactly
 * the state from before or from after.
 */
const ROOT = path.resolve(__dirname, '../..');
const CHILD = path.join(__dirname, 'interop-kill.child.ts');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const BEFORE = 1_000;
const ROWS = 10_000;

function cvr(n: number): string {
  for (let first7 = 1_000_000 + n * 7; ; first7++) {
    const check = cvrCheckDigit(String(first7));
    if (check !== undefined) return `${first7}${check}`;
  }
}

function makeBase(dir: string): { base: string; csv: string } {
  const base = path.join(dir, 'base.db');
  const db = openDatabase(base);
  const insert = db.prepare(
    `INSERT INTO companies(uuid, record_type, cvr, name, name_sort, city, status, created_at, updated_at)
     VALUES (lower(hex(randomblob(4))) || '-0000-4000-8000-' || lower(hex(randomblob(6))), 'registered', ?, ?, ?, 'Gammel By', 'identified', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')`,
  );
  const cvrs = Array.from({ length: ROWS }, (_, i) => cvr(i));
  db.transaction(() => {
    for (let i = 0; i < BEFORE; i++) insert.run(cvrs[i], `Firma ${i}`, `firma ${i}`);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const lines = ['Navn;CVR-nr.;Postnr.;By;Ejer'];
  for (let i = 0; i < ROWS; i++) lines.push(`Firma ${i};${cvrs[i]};8000;Ny By;Ejer ${i}`);
  const csv = path.join(dir, 'import.csv');
  fs.writeFileSync(csv, `${lines.join('\r\n')}\r\n`);
  return { base, csv };
}

/** Runs the child and kills it when `shouldKill` says so for a progress line; returns what it printed. */
function runChild(db: string, csv: string, shouldKill: (message: string, done: number) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, CHILD, db, csv], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (killed) return;
      for (const line of out.split('\n')) {
        const m = /^progress (.*)\|(\d+)\|(\d+)$/.exec(line);
        if (m && shouldKill(m[1] ?? '', Number(m[2]))) {
          killed = true;
          child.kill('SIGKILL');
          return;
        }
      }
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 || signal === 'SIGKILL' ? resolve(out) : reject(new Error(`child failed: ${err}`)),
    );
  });
}

function state(file: string): { integrity: string; companies: number; moved: number; owners: number; runs: number } {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      integrity: (db.pragma('integrity_check') as Array<{ integrity_check: string }>)
        .map((r) => r.integrity_check)
        .join(','),
      companies: one('SELECT count(*) AS n FROM companies'),
      moved: one("SELECT count(*) AS n FROM companies WHERE city = 'Ny By'"),
      owners: one('SELECT count(*) AS n FROM contacts'),
      runs: one('SELECT count(*) AS n FROM import_runs'),
    };
  } finally {
    db.close();
  }
}

const BEFORE_STATE = { integrity: 'ok', companies: BEFORE, moved: 0, owners: 0, runs: 0 };
const AFTER_STATE = { integrity: 'ok', companies: ROWS, moved: ROWS, owners: ROWS, runs: 1 };

describe('killing an import halfway', () => {
  it('leaves the database as it was before, or as it is after: never in between', { timeout: 600_000 }, async () => {
    const t = tempDir('bindeled-interop-kill-');
    try {
      const { base, csv } = makeBase(t.dir);
      // Where each round is killed: while checking rows, and at points inside the write.
      const points: Array<[string, number]> = [
        ['Kontrollerer', 2000],
        ['Gemmer', 0],
        ['Gemmer', 3000],
        ['Gemmer', 6000],
        ['Gemmer', 9000],
      ];
      const outcomes: string[] = [];
      for (const [i, [phase, at]] of points.entries()) {
        const db = path.join(t.dir, `round-${i}.db`);
        fs.copyFileSync(base, db);
        const out = await runChild(db, csv, (message, done) => message.startsWith(phase) && done >= at);
        const s = state(db);
        expect([BEFORE_STATE, AFTER_STATE]).toContainEqual(s);
        outcomes.push(
          `${phase} ${at}: ${s.companies === BEFORE ? 'before' : 'after'}${out.includes('done') ? ' (finished first)' : ''}`,
        );
      }
      // And once to the end, to show what "after" is.
      const db = path.join(t.dir, 'complete.db');
      fs.copyFileSync(base, db);
      expect(await runChild(db, csv, () => false)).toMatch(/done true 9000 1000/);
      expect(state(db)).toEqual(AFTER_STATE);
      console.log(`[interop-kill] ${outcomes.join('; ')}`);
    } finally {
      t.cleanup();
    }
  });
});
