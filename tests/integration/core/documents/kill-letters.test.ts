import { describe, expect, it } from 'vitest';
import { LETTERS, runLetterKillRounds } from '../../../fixtures/kill/letter-rounds';
import { tempDir } from '../../../helpers/temp-db';

/**
 * Crash safety of a batch of letters: killed with SIGKILL at random moments and at random steps
 * of every phase, then started again, a batch leaves none of its letters or all of them, each
 * recorded, and no temporary file. `npm test` runs 20 kills; `npm run soak` 200 (LETTER_KILL_ROUNDS).
 */
const ROUNDS = Number(process.env.LETTER_KILL_ROUNDS ?? 20);

describe('killing a batch of letters at random moments', () => {
  it(`leaves no letter of the batch or every letter recorded, and nothing temporary (${ROUNDS} kills)`, {
    timeout: 120_000 + ROUNDS * 30_000,
  }, async () => {
    const t = tempDir('bindeled-kill-letters-');
    try {
      const s = await runLetterKillRounds(t.dir, ROUNDS);
      const phases = new Map<string, number>();
      for (const r of s.rounds) phases.set(r.phase, (phases.get(r.phase) ?? 0) + 1);
      console.log(
        `letters kill test: ${s.rounds.length} SIGKILLs during a ${LETTERS}-letter batch (${s.batchMs} ms when not killed; ` +
          `${[...phases].map(([p, n]) => `${n} ${p}`).join(', ')}): ${s.none} left no letter, ${s.all} all ${LETTERS} ` +
          `(${s.finishedByStart} of them finished by the next start), ${s.removedByStart} starts removed temporary files; ` +
          '0 unrecorded letters, 0 records without a file, 0 temporary files left, integrity_check ok',
      );
      expect(s.none + s.all).toBe(ROUNDS);
    } finally {
      t.cleanup();
    }
  });
});
