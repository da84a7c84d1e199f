import { WEEK_SECTIONS, type WeekSection } from '../../../src-shared/codes/week';
import { formatDateDa } from '../../../src-shared/format/dates';
import { labelKey } from '../../../src-shared/messages/code-labels';
import type { WeekData } from '../../api/contract';
import { message } from '../../core/messages';
import { consultantByName } from '../../core/settings/identity';
import { type CliContext, call, command, UsageError } from '../cli-context';
import { printResult } from '../output';
import { parseFlags } from '../parse';

/** Rows per section: a week's work, not the whole caseload (the count says how many more). */
const LIMIT = 500;

function sectionTitle(w: WeekData, s: WeekSection): string {
  switch (s) {
    case 'referrals':
      return message('week.section.referrals', { days: w.thresholds.referralDays });
    case 'lag':
      return message('week.section.lag', { days: w.thresholds.lagDays });
    case 'quiet':
      return message('week.section.quiet', { days: w.thresholds.quietDays });
    default:
      return message(`week.section.${s}`);
  }
}

/** One tab-separated line per item: date first, then what and where, then its id to act on. */
function lines(w: WeekData, s: WeekSection): string[] {
  const who = (name: string | null) => (w.consultant ? [] : [name ?? '']);
  switch (s) {
    case 'followups':
      return w.followups.rows.map((f) =>
        [
          formatDateDa(f.effectiveDue),
          message(labelKey.followUpState(f.state)),
          f.companyName,
          f.title,
          ...who(f.consultant),
          `id ${f.id}`,
        ].join('\t'),
      );
    case 'visits':
      return w.visits.rows.map((v) =>
        [formatDateDa(v.due), message(labelKey.companyStatus(v.status)), v.companyName, ...who(v.consultant)].join(
          '\t',
        ),
      );
    case 'referrals':
      return w.referrals.rows.map((r) =>
        [
          formatDateDa(r.sentAt),
          r.companyName,
          message('week.referralLine', { organisation: r.organisation, date: formatDateDa(r.sentAt), days: r.days }),
          ...who(r.consultant),
          `id ${r.id}`,
        ].join('\t'),
      );
    case 'lag':
      return w.lag.rows.map((a) =>
        [
          formatDateDa(a.reason === 'deadline' ? a.deadline : a.submittedAt),
          message(labelKey.lagStatus(a.status)),
          a.companyName,
          `${a.title} (${a.lag})`,
          ...who(a.consultant),
          `id ${a.id}`,
        ].join('\t'),
      );
    case 'quiet':
      return w.quiet.rows.map((q) =>
        [
          q.lastContact ? formatDateDa(q.lastContact) : message('week.neverContacted'),
          message(labelKey.companyStatus(q.status)),
          q.companyName,
          ...who(q.consultant),
        ].join('\t'),
      );
  }
}

function print(ctx: CliContext, w: WeekData): void {
  ctx.out(
    message('cli.week.head', {
      from: formatDateDa(w.weekStart),
      to: formatDateDa(w.weekEnd),
      who: w.consultant?.name ?? message('cli.week.everyone'),
      on: formatDateDa(w.on),
    }),
  );
  for (const s of WEEK_SECTIONS) {
    const section = w[s];
    ctx.out(`\n${sectionTitle(w, s)} (${section.total})`);
    const out = lines(w, s);
    if (out.length === 0) ctx.out(message('cli.week.none'));
    for (const l of out) ctx.out(`  ${l}`);
    if (section.total > out.length) ctx.out(message('cli.week.more', { count: section.total - out.length }));
  }
}

export const weekCommand = command('week', async (args, ctx) => {
  const { values } = parseFlags(args, { string: ['consultant', 'on'], boolean: ['all', 'json'] });
  if (values.consultant !== undefined && values.all) throw new UsageError(message('cli.week.bothWho'));
  const consultantId = values.consultant !== undefined ? consultantByName(ctx.db, values.consultant).id : undefined;
  const w = await call(ctx, 'week.get', {
    scope: values.all ? 'all' : 'mine',
    consultantId,
    on: values.on,
    limit: LIMIT,
  });
  return printResult(ctx, values.json, w, () => print(ctx, w));
});
