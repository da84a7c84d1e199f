import { labelKey } from '../../../src-shared/messages/code-labels';
import { message } from '../../core/messages';
import { KPI_KEYS } from '../../core/report/report-schema';
import { call, command, EXIT_OK, UsageError } from '../cli-context';
import { parseFlags } from '../parse';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_FROM = '1900-01-01';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The programme report. `--json` prints the figures with fixed keys (the press release's order,
 * then the breakdowns) for scripts and for checking the demo: `{"from":…,"to":…,"as_of":…,
 * "companies_contacted":N,…,"by_kommune":{…}}`.
 */
export const reportCommand = command('report', async (args, ctx) => {
  const { values } = parseFlags(args, { string: ['from', 'to', 'as-of'], boolean: ['json'] });
  for (const name of ['from', 'to', 'as-of'] as const) {
    const v = values[name];
    if (v !== undefined && !ISO.test(v))
      throw new UsageError(message('cli.isoDate', { flag: `--${name}`, example: '2011-10-17' }));
  }
  const to = values.to ?? today();
  const report = await call(ctx, 'report.get', {
    from: values.from ?? DEFAULT_FROM,
    to,
    asOf: values['as-of'] ?? to,
  });
  const byName = (rows: typeof report.breakdowns.kommune) => Object.fromEntries(rows.map((r) => [r.label, r.values]));
  if (values.json) {
    ctx.out(
      JSON.stringify({
        from: report.from,
        to: report.to,
        as_of: report.asOf,
        ...Object.fromEntries(KPI_KEYS.map((k) => [k, report.totals[k]])),
        by_kommune: byName(report.breakdowns.kommune),
        by_consultant: byName(report.breakdowns.consultant),
        by_section: byName(report.breakdowns.section),
        by_size: byName(report.breakdowns.size),
        data_quality: report.quality,
      }),
    );
    return EXIT_OK;
  }
  const t = report.totals;
  ctx.out(message('cli.report.title', { from: report.from, to: report.to, asOf: report.asOf }));
  // The grants are a part of the referrals, so their line is indented under them.
  for (const k of KPI_KEYS) {
    const label =
      k === 'vaeksthus_grants' ? `    ${message('cli.report.ofWhichGrants')}:` : `  ${message(labelKey.kpi(k))}:`;
    ctx.out(`${label.padEnd(37)}${t[k]}`);
  }
  return EXIT_OK;
});
