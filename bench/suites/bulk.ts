import { runBulk } from '../../src-main/core/companies/bulk/bulk';
import { bulkInputSchema } from '../../src-main/core/companies/bulk/bulk-schema';
import type { Figure } from '../lib/figures';
import { measure } from '../lib/stats';
import type { Store } from '../lib/store';

/**
 * Reassigning 10,000 firms (with their open follow-ups and an audit entry each) against the bare
 * UPDATEs of the same rows. Each run is rolled back, so the caseload the later suites measure is
 * the one generated: the bulk action as a dry run, which does every write in its chunks with
 * progress and cancel checks between them and rolls back instead of writing the undo journal.
 */
export async function bulkFigures(store: Store, size: number, runs: number): Promise<Figure[]> {
  const { db } = store;
  const n = Math.min(10_000, size);
  const ids = (db.prepare('SELECT id FROM companies ORDER BY id LIMIT ?').all(n) as Array<{ id: number }>).map(
    (r) => r.id,
  );
  const consultants = (db.prepare('SELECT id FROM consultants ORDER BY id LIMIT 2').all() as Array<{ id: number }>).map(
    (r) => r.id,
  );
  const target = (i: number) => consultants[i % consultants.length] ?? 1;
  const rolledBack = (fn: () => void) => {
    db.exec('BEGIN');
    try {
      fn();
    } finally {
      db.exec('ROLLBACK');
    }
  };
  const json = JSON.stringify(ids);
  const bare = await measure(
    (i) =>
      rolledBack(() => {
        db.prepare('UPDATE companies SET consultant_id = ? WHERE id IN (SELECT value FROM json_each(?))').run(
          target(i),
          json,
        );
        db.prepare(
          'UPDATE followups SET consultant_id = ? WHERE done_at IS NULL AND company_id IN (SELECT value FROM json_each(?))',
        ).run(target(i), json);
      }),
    { runs },
  );
  let moved = 0;
  let progressEvents = 0;
  const timing = await measure(
    async (i) => {
      const input = bulkInputSchema.parse({
        selection: { ids },
        action: { kind: 'reassign', consultantId: target(i) },
        dryRun: true,
      });
      progressEvents = 0;
      const job = { signal: new AbortController().signal, progress: () => progressEvents++ };
      moved = (await runBulk(db, input, job)).followupsMoved;
    },
    { runs },
  );
  return [
    {
      size,
      name: `bulk reassignment of ${n.toLocaleString('da-DK')} firms (one transaction in chunks)`,
      timing,
      baseline: { name: 'bare UPDATEs of the same rows', timing: bare },
      target: { ms: 2000 },
      extra: `${moved} open follow-ups moved along; audit entry per firm; ${progressEvents} progress reports`,
    },
  ];
}
