import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AFTER_STATE,
  BEFORE_ROWS,
  IMPORT_ROWS,
  type ImportKill,
  KILL_POINTS,
  NEW_ROWS,
  prepareImportKill,
  runKillPoints,
  runKillRounds,
} from '../../../fixtures/kill/kill-rounds';
import { tempDir } from '../../../helpers/temp-db';

/**
 * Crash safety of the import: a 10,000-row CSV (9,000 new firms, 1,000 updates of stored ones)
 * imported in one transaction by the app's own importer and killed with SIGKILL, at random moments
 * of its write and at chosen points of its check and its write, leaves the database intact and
 * exactly as it was before or as it is after, never in between. `npm test` runs 20 random kills;
 * `npm run soak` runs 500 (KILL_ROUNDS).
 */
const ROUNDS = Number(process.env.KILL_ROUNDS ?? 20);

describe('killing an import', () => {
  const t = tempDir('bindeled-kill-import-');
  let kill: ImportKill;
  beforeAll(async () => {
    kill = await prepareImportKill(t.dir);
  }, 120_000);
  afterAll(() => {
    kill?.cleanup();
    t.cleanup();
  });

  it(`at random moments leaves the database as before or as after, never in between (${ROUNDS} kills)`, {
    timeout: 60_000 + ROUNDS * 20_000,
  }, async () => {
    const rounds = await runKillRounds(kill, ROUNDS);
    const before = rounds.filter((r) => r.outcome === 'before').length;
    const after = rounds.filter((r) => r.outcome === 'after').length;
    console.log(
      `import kill test: ${rounds.length} SIGKILLs during the write of a ${IMPORT_ROWS}-row import (${kill.writeMs} ms when not killed): ` +
        `${before} left the ${BEFORE_ROWS} firms from before, ${after} all ${IMPORT_ROWS} from after, 0 corrupt, 0 partial`,
    );
    expect(rounds).toHaveLength(ROUNDS);
    expect(before + after).toBe(ROUNDS);
  });

  it('at chosen points of the check and the write leaves it as before or as after', { timeout: 120_000 }, async () => {
    // What "after" is: the import run to the end.
    expect(kill.full.out).toMatch(new RegExp(`done true ${NEW_ROWS} ${BEFORE_ROWS}`));
    expect(kill.full.state).toEqual(AFTER_STATE);

    const rounds = await runKillPoints(kill);
    expect(rounds.map((r) => r.at)).toEqual(KILL_POINTS.map((p) => `${p.phase} ${p.at}`));
    console.log(
      `[import kill points] ${rounds.map((r) => `${r.at}: ${r.outcome}${r.finished ? ' (finished first)' : ''}`).join('; ')}`,
    );
  });
});
