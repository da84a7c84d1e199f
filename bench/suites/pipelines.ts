import { stmt } from '../../src-main/core/db/sql';
import { pipelineSql, queryLagPipeline, queryReferralPipeline } from '../../src-main/core/pipelines/pipeline-query';
import {
  type LagPipelineQuery,
  lagPipelineQuerySchema,
  type ReferralPipelineQuery,
  referralPipelineQuerySchema,
} from '../../src-main/core/pipelines/pipeline-schema';
import type { Figure } from '../lib/figures';
import { measure } from '../lib/stats';
import type { Store } from '../lib/store';

const TARGET = { ms: 10, ratio: 1.5 };

/**
 * A pipeline page of 100 rows (count, ids, the page's rows and their next statuses) against the
 * same three statements run bare: the first page as each opens and by firm, a page deep in the
 * list and a filtered page.
 */
export async function pipelineFigures(store: Store, size: number, runs: number): Promise<Figure[]> {
  const { db } = store;
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const referrals = count('referrals');
  const applications = count('lag_applications');
  const bare = (kind: 'referrals' | 'lag', q: ReferralPipelineQuery | LagPipelineQuery) => {
    const plan = pipelineSql(kind, q);
    stmt(db, plan.countSql).get(plan.params);
    const ids = (stmt(db, plan.pageSql).all([...plan.params, q.limit, q.offset]) as Array<{ id: number }>).map(
      (r) => r.id,
    );
    stmt(db, plan.rowsSql).all({ today: plan.today, ids: JSON.stringify(ids) });
  };
  const cases: Array<{ name: string; kind: 'referrals' | 'lag'; input: object }> = [
    { name: 'referrals: first page, newest sent first', kind: 'referrals', input: {} },
    {
      name: 'referrals: first page, by firm',
      kind: 'referrals',
      input: { sort: [{ column: 'company', desc: false }] },
    },
    {
      name: 'referrals: page in the middle, by firm',
      kind: 'referrals',
      input: { offset: Math.floor(referrals / 2), sort: [{ column: 'company', desc: false }] },
    },
    {
      name: 'referrals: sent, waiting > 14 days, by consultant',
      kind: 'referrals',
      input: { filters: { waitingDays: 14 }, sort: [{ column: 'consultant', desc: false }] },
    },
    { name: 'LAG: first page, by firm', kind: 'lag', input: { sort: [{ column: 'company', desc: false }] } },
    {
      name: 'LAG: page in the middle, by deadline',
      kind: 'lag',
      input: { offset: Math.floor(applications / 2), sort: [{ column: 'deadline', desc: false }] },
    },
  ];
  const out: Figure[] = [];
  for (const c of cases) {
    const q =
      c.kind === 'referrals' ? referralPipelineQuerySchema.parse(c.input) : lagPipelineQuerySchema.parse(c.input);
    const baseline = await measure(() => bare(c.kind, q), { runs });
    const timing = await measure(
      () =>
        c.kind === 'referrals'
          ? queryReferralPipeline(db, q as ReferralPipelineQuery)
          : queryLagPipeline(db, q as LagPipelineQuery),
      { runs },
    );
    out.push({
      size,
      name: `pipeline page of 100 — ${c.name}`,
      timing,
      baseline: { name: 'the same SQL bare', timing: baseline },
      target: TARGET,
      extra: `${referrals} referrals, ${applications} LAG applications`,
    });
  }
  return out;
}
