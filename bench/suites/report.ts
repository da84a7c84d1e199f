import type { Figure } from '../lib/figures';
import { measure } from '../lib/stats';
import { hasMethod, type Store } from '../lib/store';

/** The programme report for one year of the generated programme, through the dispatcher. */
export async function reportFigures(store: Store, size: number, runs: number): Promise<Figure[]> {
  if (!hasMethod('report.get')) return [{ size, name: 'programme report, one year', note: 'needs report.get' }];
  const year = { from: '2011-01-01', to: '2011-12-31' };
  const timing = await measure(() => store.call('report.get', year), { runs });
  const whole = await measure(() => store.call('report.get', { from: '2010-01-01', to: '2012-12-31' }), { runs });
  return [
    { size, name: 'programme report, one year (2011)', timing, target: { ms: 200 } },
    { size, name: 'programme report, whole period (2010–2012)', timing: whole },
  ];
}
