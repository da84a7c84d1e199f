import { findDuplicates } from '../../src-main/core/companies/duplicates/find-duplicates';
import { mergeCompanies } from '../../src-main/core/companies/duplicates/merge';
import type { Figure } from '../lib/figures';
import { measure } from '../lib/stats';
import type { Store } from '../lib/store';

/**
 * The duplicate scan over the whole caseload against reading the same columns bare, and a merge
 * against the bare statements that move one firm's rows. Merges run inside a transaction that is
 * rolled back, so the caseload the later suites measure is the one generated.
 */
export async function duplicateFigures(store: Store, size: number, runs: number): Promise<Figure[]> {
  const { db } = store;
  const read = () => db.prepare('SELECT id, name, cvr, p_number, postcode, city, address FROM companies').all();
  const bareScan = await measure(read, { runs });
  let pairs = 0;
  const scan = await measure(
    () => {
      pairs = findDuplicates(db).length;
    },
    { runs },
  );

  const firms = db
    .prepare(
      `SELECT a.id AS keepId, b.id AS mergeId FROM companies a JOIN companies b ON b.id > a.id AND b.cvr IS NULL
        WHERE a.id % 97 = 0 AND EXISTS (SELECT 1 FROM visits v WHERE v.company_id = b.id) LIMIT ?`,
    )
    .all(runs + 1) as Array<{ keepId: number; mergeId: number }>;
  const rolledBack = (fn: () => void) => {
    db.exec('BEGIN');
    try {
      fn();
    } finally {
      db.exec('ROLLBACK');
    }
  };
  const pair = (i: number) => firms[(i + firms.length) % firms.length] ?? { keepId: 1, mergeId: 2 };
  const merge = await measure((i) => rolledBack(() => mergeCompanies(db, pair(i), 'bench')), { runs });
  const children = ['contacts', 'visits', 'followups', 'referrals', 'lag_applications', 'knowledge_contacts'];
  const bareMerge = await measure(
    (i) =>
      rolledBack(() => {
        const { keepId, mergeId } = pair(i);
        for (const t of children)
          db.prepare(`UPDATE ${t} SET company_id = ? WHERE company_id = ?`).run(keepId, mergeId);
        db.prepare('DELETE FROM companies WHERE id = ?').run(mergeId);
      }),
    { runs },
  );
  return [
    {
      size,
      name: 'duplicate scan (whole caseload)',
      timing: scan,
      baseline: { name: 'reading the same columns', timing: bareScan },
      target: { ms: 5000 },
      extra: `${pairs} possible pairs`,
    },
    {
      size,
      name: 'merge two firms (one transaction)',
      timing: merge,
      baseline: { name: 'moving the rows with bare UPDATEs', timing: bareMerge },
      target: { ms: 200 },
    },
  ];
}
