import fs from 'node:fs';
import path from 'node:path';
import { repeatJob } from '../lib/child';
import type { Figure } from '../lib/figures';
import { BENCH_DIR } from '../lib/store';
import { referredFirms } from './letters';

/**
 * 850 referral letters with an e-mail draft beside each (`documents.generateBatch { email: true }`)
 * against the same 850 letters alone, both in processes of their own in this run.
 */
export async function emailDraftFigures(dbFile: string, size: number, runs: number): Promise<Figure[]> {
  const ids = await referredFirms(dbFile);
  if (ids.length < 50) return [{ size, name: 'letters with e-mail drafts', note: `only ${ids.length} referred firms` }];
  const dir = path.join(BENCH_DIR, `email-drafts-${size}`);
  const clean = () => fs.rmSync(dir, { recursive: true, force: true });
  const withDrafts = await repeatJob(runs, () => ({ kind: 'letters', db: dbFile, out: dir, ids, email: true }), clean);
  const alone = await repeatJob(runs, () => ({ kind: 'letters', db: dbFile, out: dir, ids }), clean);
  clean();
  return [
    {
      size,
      name: `${ids.length} referral letters with e-mail drafts (one batch)`,
      timing: withDrafts.timing,
      memoryMb: withDrafts.peakMb,
      baseline: { name: `${ids.length} referral letters alone`, timing: alone.timing },
      target: { ratio: 1.5 },
      extra: withDrafts.extra,
    },
  ];
}
