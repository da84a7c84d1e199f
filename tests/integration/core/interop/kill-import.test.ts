import { describe, expect, it } from 'vitest';
import { BEFORE_ROWS, IMPORT_ROWS, runKillRounds } from '../../../fixtures/kill/kill-rounds';
import { tempDir } from '../../../helpers/temp-db';

/**
 * Crash safety (issue 7): an import of 10,000 companies in one transaction, killed with SIGKILL at
 * random moments, leaves the database intact with the rows from before or all rows from after.
 * `npm test` runs 20 rounds; `npm run soak` runs 500 (KILL_ROUNDS).
 */
const ROUNDS = Number(process.env.KILL_ROUNDS ?? 20);

describe('killing an import at random moments', () => {
  it(`leaves the database as before or as after, never in between (${ROUNDS} kills)`, {
    timeout: 60_000 + ROUNDS * 20_000,
  }, async () => {
    const t = tempDir('bindeled-kill-');
    try {
      const summary = await runKillRounds(t.dir, ROUNDS);
      console.log(
        `kill test: ${summary.rounds.length} SIGKILLs during a ${IMPORT_ROWS}-row import (${summary.importMs} ms when not killed): ` +
          `${summary.before} left the ${BEFORE_ROWS} rows from before, ${summary.after} all ${BEFORE_ROWS + IMPORT_ROWS} from after, ` +
          '0 corrupt, 0 partial',
      );
      expect(summary.rounds).toHaveLength(ROUNDS);
      expect(summary.before + summary.after).toBe(ROUNDS);
    } finally {
      t.cleanup();
    }
  });
});
