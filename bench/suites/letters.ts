import fs from 'node:fs';
import path from 'node:path';
import { repeatJob } from '../lib/child';
import type { Figure } from '../lib/figures';
import { BENCH_DIR, hasMethod, openStore } from '../lib/store';

const LETTERS = 850;

/** The first 850 referred firms, with the letterhead their letters need (a consultant sets it once). */
export async function referredFirms(dbFile: string): Promise<number[]> {
  const store = openStore(dbFile);
  const ids = store.db
    .prepare('SELECT DISTINCT company_id FROM referrals ORDER BY company_id LIMIT ?')
    .pluck()
    .all(LETTERS) as number[];
  // The letterhead the letters need; a consultant sets it once in the settings.
  await store.call('settings.update', {
    'user.name': 'Karen Sørensen',
    'letterhead.organisation': 'Erhvervsservice Midt',
    'letterhead.signatureName': 'Karen Sørensen',
    'letterhead.signatureTitle': 'Erhvervskonsulent',
  });
  store.close();
  return ids;
}

/**
 * 850 referral letters to the Væksthus in one batch (documents.generateBatch), in a
 * process of its own. Baseline: one minimal `docx` document written 850 times.
 */
export async function letterFigures(dbFile: string, size: number, runs: number): Promise<Figure[]> {
  if (!hasMethod('documents.generateBatch')) {
    return [{ size, name: `${LETTERS} referral letters`, note: 'needs documents.generateBatch' }];
  }
  const ids = await referredFirms(dbFile);
  if (ids.length < 50)
    return [{ size, name: `${LETTERS} referral letters`, note: `only ${ids.length} referred firms` }];
  const dir = path.join(BENCH_DIR, `letters-${size}`);
  const clean = () => fs.rmSync(dir, { recursive: true, force: true });
  const app = await repeatJob(runs, () => ({ kind: 'letters', db: dbFile, out: dir, ids }), clean);
  const bare = await repeatJob(runs, () => ({ kind: 'bare-docx', db: dbFile, out: dir, ids }), clean);
  clean();
  return [
    {
      size,
      name: `${ids.length} referral letters (one batch)`,
      timing: app.timing,
      memoryMb: app.peakMb,
      baseline: { name: `minimal docx × ${ids.length}`, timing: bare.timing },
      // The target is for 850 letters; a smaller caseload has fewer referred firms to write to.
      target: ids.length === LETTERS ? { ms: 20000 } : undefined,
      extra: app.extra,
    },
  ];
}
