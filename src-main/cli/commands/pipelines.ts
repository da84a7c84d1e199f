import { LAG_PIPELINE_COLUMNS, REFERRAL_PIPELINE_COLUMNS } from '../../../src-shared/codes/pipelines';
import { formatDateDa } from '../../../src-shared/format/dates';
import { formatMoney } from '../../../src-shared/format/money';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { LAG_STATUSES } from '../../core/lag/lag-schema';
import { message } from '../../core/messages';
import { REFERRAL_STATUSES } from '../../core/referrals/referral-schema';
import { type CliCommand, type CliContext, call, EXIT_OK, lookupCompany, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';
import { kommuneCode } from './companies';

/**
 * `referrals list` and `lag list`: the pipelines' pages with the same filters as the screen,
 * read page by page so a long list keeps memory flat.
 */
const FLAGS = {
  json: { type: 'boolean' },
  company: { type: 'string' },
  status: { type: 'string', multiple: true },
  organisation: { type: 'string', multiple: true },
  lag: { type: 'string', multiple: true },
  consultant: { type: 'string', multiple: true },
  kommune: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  'waiting-days': { type: 'string' },
  sort: { type: 'string' },
  on: { type: 'string' },
} as const;

function oneOf<T extends string>(
  value: string,
  options: readonly T[],
  key: 'cli.unknownStatus' | 'cli.pipeline.unknownSort',
): T {
  if (!(options as readonly string[]).includes(value))
    throw new UsageError(message(key, { value, options: options.join(', ') }));
  return value as T;
}

async function idsByName(
  ctx: CliContext,
  values: readonly string[] | undefined,
  method: 'reference.consultants' | 'reference.organisations',
): Promise<number[] | undefined> {
  if (!values?.length) return undefined;
  const known = await call(ctx, method, {});
  return values.map((v) => {
    const found = known.find(
      (k) => String(k.id) === v.trim() || k.name.toLocaleLowerCase('da') === v.trim().toLocaleLowerCase('da'),
    );
    if (!found) {
      throw new UsageError(
        message(
          method === 'reference.consultants' ? 'cli.pipeline.unknownConsultant' : 'cli.pipeline.unknownOrganisation',
          {
            value: v,
          },
        ),
      );
    }
    return found.id;
  });
}

type Flags = ReturnType<typeof parseCommandArgs<typeof FLAGS>>['values'];

async function filtersFrom<S extends string>(ctx: CliContext, statuses: readonly S[], v: Flags) {
  const list = (x: string[] | undefined) => x ?? [];
  const status = list(v.status).map((s) => oneOf(s, statuses, 'cli.unknownStatus'));
  const waiting = v['waiting-days'] === undefined ? undefined : Number(v['waiting-days']);
  if (waiting !== undefined && !(Number.isInteger(waiting) && waiting >= 0))
    throw new UsageError(message('cli.integer', { flag: '--waiting-days' }));
  return {
    status: status.length ? status : undefined,
    organisation: await idsByName(ctx, [...list(v.organisation), ...list(v.lag)], 'reference.organisations'),
    consultant: await idsByName(ctx, list(v.consultant), 'reference.consultants'),
    kommune: list(v.kommune).length ? list(v.kommune).map(kommuneCode) : undefined,
    from: v.from,
    to: v.to,
    waitingDays: waiting,
    companyId: v.company ? (await lookupCompany(ctx, v.company)).id : undefined,
  };
}

/** `--sort sentAt` or `--sort -sentAt` (descending). */
function sortFrom<T extends string>(value: string | undefined, columns: readonly T[]) {
  if (!value) return [];
  const desc = value.startsWith('-');
  return [{ column: oneOf(desc ? value.slice(1) : value, columns, 'cli.pipeline.unknownSort'), desc }];
}

async function readAll<R>(fetch: (offset: number) => Promise<{ rows: R[]; total: number }>): Promise<R[]> {
  const rows: R[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await fetch(offset);
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
}

export const referralsCommand: CliCommand = {
  name: 'referrals',
  summary: message('cli.referrals.summary'),
  usage: message('cli.referrals.usage'),
  run: async (args, ctx) => {
    const [sub, ...rest] = args;
    if (sub !== 'list') throw new UsageError(message('cli.referrals.unknownSub', { sub: sub ?? message('cli.none') }));
    const { values } = parseCommandArgs(rest, FLAGS);
    const filters = await filtersFrom(ctx, REFERRAL_STATUSES, values);
    const sort = sortFrom(values.sort, REFERRAL_PIPELINE_COLUMNS);
    const rows = await readAll((offset) =>
      call(ctx, 'pipelines.referrals', { offset, limit: 500, filters, sort, on: values.on }),
    );
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

export const lagCommand: CliCommand = {
  name: 'lag',
  summary: message('cli.lag.summary'),
  usage: message('cli.lag.usage'),
  run: async (args, ctx) => {
    const [sub, ...rest] = args;
    if (sub !== 'list') throw new UsageError(message('cli.lag.unknownSub', { sub: sub ?? message('cli.none') }));
    const { values } = parseCommandArgs(rest, FLAGS);
    const filters = await filtersFrom(ctx, LAG_STATUSES, values);
    const sort = sortFrom(values.sort, LAG_PIPELINE_COLUMNS);
    const rows = await readAll((offset) =>
      call(ctx, 'pipelines.lag', { offset, limit: 500, filters, sort, on: values.on }),
    );
    if (values.json) {
      ctx.out(JSON.stringify(rows, null, 2));
      return EXIT_OK;
    }
    for (const r of rows) {
      ctx.out(
        [
          formatDateDa(r.submittedAt) || '—'.padEnd(10),
          message(labelKey.lagStatus(r.status)),
          r.companyName,
          r.title,
          r.organisationName,
          r.deadline ? formatDateDa(r.deadline) : '',
        ].join('\t'),
      );
    }
    ctx.out(message('cli.lag.count', { count: rows.length }));
    return EXIT_OK;
  },
};
