import { formatDateDa } from '../../../src-shared/format/dates';
import { formatMoney } from '../../../src-shared/format/money';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { message } from '../../core/messages';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../core/referrals/referral-schema';
import { type CliCommand, call, EXIT_OK, lookupCompany, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';

export const referralsCommand: CliCommand = {
  name: 'referrals',
  summary: message('cli.referrals.summary'),
  usage: 'referrals list [--json] [--company CVR|ID] [--status S]…',
  run: async (args, ctx) => {
    const [sub, ...rest] = args;
    if (sub !== 'list') throw new UsageError(message('cli.referrals.unknownSub', { sub: sub ?? message('cli.none') }));
    const { values } = parseCommandArgs(rest, {
      json: { type: 'boolean' },
      company: { type: 'string' },
      status: { type: 'string', multiple: true },
    });
    const status = (values.status ?? []).map((s) => {
      if (!(REFERRAL_STATUSES as readonly string[]).includes(s)) {
        throw new UsageError(message('cli.unknownStatus', { value: s, options: REFERRAL_STATUSES.join(', ') }));
      }
      return s as ReferralStatus;
    });
    const companyId = values.company ? (await lookupCompany(ctx, values.company)).id : undefined;
    const rows = await call(ctx, 'referrals.list', {
      companyId,
      status: status.length ? status : undefined,
      limit: 5000,
    });
    if (values.json) {
      ctx.out(JSON.stringify(rows, null, 2));
      return EXIT_OK;
    }
    for (const r of rows) {
      const outcome = r.outcome
        ? `${message(labelKey.referralOutcomeShort(r.outcome))}${r.outcomeAmountOre ? ` ${formatMoney(r.outcomeAmountOre)}` : ''}`
        : '';
      ctx.out(
        [
          formatDateDa(r.sentAt) || '—'.padEnd(10),
          message(labelKey.referralStatus(r.status)),
          r.companyName,
          r.organisationName,
          outcome,
        ].join('\t'),
      );
    }
    ctx.out(message('cli.referrals.count', { count: rows.length }));
    return EXIT_OK;
  },
};
