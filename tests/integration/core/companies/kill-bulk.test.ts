import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src-main/core/db/open';
import { createDemoProgramme } from '../../../../tools/demo/demo-programme';
import { alive, runKillable } from '../../../fixtures/kill/kill-rounds';
import { tempDir } from '../../../helpers/temp-db';

/**
 * Crash safety of a bulk action: every firm of the demo programme reassigned in chunks of CHUNK
 * inside one transaction, killed with SIGKILL after a chosen number of chunks were written and at
 * random moments, leaves the database intact and as it was before, or (when the kill came too
 * late) as it is after, never in between.
 */
const CHILD = path.resolve(__dirname, '../../../fixtures/kill/bulk-child.ts');
const CHUNK = 50;
const ROUNDS = Number(process.env.BULK_KILL_ROUNDS ?? 8);

interface State {
  firms: unknown[];
  followups: unknown[];
  audit: number;
  undo: number;
}

function stateOf(file: string): State & { ok: boolean } {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return {
      ok:
        db.pragma('integrity_check', { simple: true }) === 'ok' &&
        (db.pragma('foreign_key_check') as unknown[]).length === 0,
      firms: db.prepare('SELECT id, consultant_id, consultant_name, updated_at FROM companies ORDER BY id').all(),
      followups: db.prepare('SELECT id, consultant_id FROM followups WHERE done_at IS NULL ORDER BY id').all(),
      audit: db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number,
      undo: db.prepare("SELECT count(*) FROM settings WHERE key = 'bulk.last'").pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

const withoutStamps = (state: State) => ({
  ...state,
  firms: (state.firms as Array<Record<string, unknown>>).map(({ updated_at: _stamp, ...firm }) => firm),
});

describe('killing a bulk action while it writes', () => {
  const t = tempDir('bindeled-kill-bulk-');
  const base = path.join(t.dir, 'base.db');
  let to = 0;
  let firms = 0;
  let before: State;
  let after: State;
  let fullMs = 0;

  beforeAll(async () => {
    const db = openDatabase(base);
    createDemoProgramme(db);
    // The consultant with fewest firms: nearly every firm changes.
    to = db
      .prepare(
        'SELECT s.id FROM consultants s LEFT JOIN companies c ON c.consultant_id = s.id GROUP BY s.id ORDER BY count(c.id), s.id LIMIT 1',
      )
      .pluck()
      .get() as number;
    firms = db.prepare('SELECT count(*) FROM companies').pluck().get() as number;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const { ok, ...state } = stateOf(base);
    expect(ok).toBe(true);
    before = state;
    const full = path.join(t.dir, 'full.db');
    fs.copyFileSync(base, full);
    const r = await runKillable(CHILD, [full, String(to), String(CHUNK), 'time'], null);
    fullMs = Number(/done (\d+)/.exec(r.out)?.[1] ?? 1000);
    const { ok: fullOk, ...fullState } = stateOf(full);
    expect(fullOk).toBe(true);
    after = fullState;
  }, 120_000);
  afterAll(() => t.cleanup());

  it(`leaves every firm as before, or all reassigned, never in between (${ROUNDS} kills)`, {
    timeout: 60_000 + ROUNDS * 20_000,
  }, async () => {
    expect(firms).toBeGreaterThan(CHUNK * 4);
    expect(after.undo).toBe(1);
    expect(after.audit).toBeGreaterThan(before.audit);
    const chunks = Math.ceil(firms / CHUNK);
    const outcomes: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const file = path.join(t.dir, `round-${round}.db`);
      fs.copyFileSync(base, file);
      // Every other round at a chunk of the write (never the last, which commits); between them at random moments.
      const byChunk = round % 2 === 1;
      const at = byChunk ? 1 + Math.floor(Math.random() * (chunks - 1)) : Math.round(Math.random() * fullMs * 1.2);
      const r = await runKillable(
        CHILD,
        byChunk ? [file, String(to), String(CHUNK), 'chunk', String(at)] : [file, String(to), String(CHUNK), 'time'],
        byChunk ? null : at,
      );
      const pid = Number(/pid (\d+)/.exec(r.out)?.[1]);
      expect(pid && alive(pid)).toBeFalsy();
      const { ok, ...state } = stateOf(file);
      expect(ok).toBe(true);
      const outcome = JSON.stringify(state) === JSON.stringify(before) ? 'before' : 'after';
      // A round that committed wrote its own time stamps: the firms' other columns must equal the full run's.
      if (outcome === 'after') expect(withoutStamps(state)).toEqual(withoutStamps(after));
      if (byChunk) expect(outcome).toBe('before');
      outcomes.push(`${byChunk ? `chunk ${at}` : `${at} ms`}: ${outcome}`);
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    }
    console.log(
      `[bulk kill] ${firms} firms in chunks of ${CHUNK} (${fullMs} ms when not killed): ${outcomes.join('; ')}`,
    );
  });
});
