import { FIRST_CONTACTS_BY_MONTH_ALL } from '../../src-main/core/report/kpi-sql';
import { reportParams } from '../../src-main/core/report/report-params';
import type { Figure } from '../lib/figures';
import { measure } from '../lib/stats';
import { hasMethod, type Store } from '../lib/store';

/** The programme report for one year of the generated programme, through the dispatcher. */
export async function reportFigures(store: Store, size: number, runs: number): Promise<Figure[]> {
  if (!hasMethod('report.get')) return [{ size, name: 'programme report, one year', note: 'needs report.get' }];
  const year = { from: '2011-01-01', to: '2011-12-31' };
  const timing = await measure(() => store.call('report.get', year), { runs });
  const whole = await measure(() => store.call('report.get', { from: '2010-01-01', to: '2012-12-31' }), { runs });
  // The monthly trend is one more query inside report.get: its share of the whole is what it costs.
  const { sql } = reportParams(year);
  const trend = store.db.prepare(FIRST_CONTACTS_BY_MONTH_ALL);
  const trendTiming = await measure(() => trend.all({ from: sql.from, after: sql.after }), { runs });
  return [
    { size, name: 'programme report, one year (2011)', timing, target: { ms: 200 } },
    {
      size,
      name: "the report's monthly trend alone, one year (2011)",
      timing: trendTiming,
      baseline: { name: 'the whole report.get, trend included', timing },
    },
    { size, name: 'programme report, whole period (2010–2012)', timing: whole },
  ];
}
