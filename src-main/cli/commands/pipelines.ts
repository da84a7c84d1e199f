import { LAG_PIPELINE_COLUMNS, REFERRAL_PIPELINE_COLUMNS } from '../../../src-shared/codes/pipelines';
import { formatDateDa } from '../../../src-shared/format/dates';
import { formatMoney } from '../../../src-shared/format/money';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { LAG_STATUSES } from '../../core/lag/lag-schema';
import { message } from '../../core/messages';
import { REFERRAL_STATUSES } from '../../core/referrals/referral-schema';
import {
  type CliCommand,
  type CliContext,
  type CommandRun,
  call,
  command,
  lookupCompany,
  UsageError,
} from '../cli-context';
import { printResult, readAllPages } from '../output';
import { flags, oneOf, parseCommandArgs } from '../parse';
import { subcommands } from '../subcommands';
import { kommuneCode } from './companies';

/**
 * `referrals list` and `lag list`: the pipelines' pages with the same filters as the screen,
 * read page by page so a long list keeps memory flat.
 */
const FLAGS = flags({
  string: ['company', 'from', 'to', 'waiting-days', 'sort', 'on'],
  multiple: ['status', 'organisation', 'lag', 'consultant', 'kommune'],
  boolean: ['json'],
});

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

type PipelineQuery<S extends string, C extends string> = {
  filters: Awaited<ReturnType<typeof filtersFrom<S>>>;
  sort: Array<{ column: C; desc: boolean }>;
  on: string | undefined;
};

/** `--sort sentAt` or `--sort -sentAt` (descending). */
function sortFrom<T extends string>(
  value: string | undefined,
  columns: readonly T[],
): Array<{ column: T; desc: boolean }> {
  if (!value) return [];
  const desc = value.startsWith('-');
  return [{ column: oneOf(desc ? value.slice(1) : value, columns, 'cli.pipeline.unknownSort'), desc }];
}

/** `referrals list` or `lag list`: the pipeline's rows as scripts read them, or a line each. */
function pipelineCommand<S extends string, C extends string, R>(
  key: 'referrals' | 'lag',
  statuses: readonly S[],
  columns: readonly C[],
  page: (ctx: CliContext, offset: number, query: PipelineQuery<S, C>) => Promise<{ rows: R[]; total: number }>,
  line: (row: R) => string,
): CliCommand {
  const list: CommandRun = async (args, ctx) => {
    const { values } = parseCommandArgs(args, FLAGS);
    const query = {
      filters: await filtersFrom(ctx, statuses, values),
      sort: sortFrom(values.sort, columns),
      on: values.on,
    };
    const { rows } = await readAllPages((offset) => page(ctx, offset, query));
    return printResult(ctx, values.json, rows, () => {
      for (const r of rows) ctx.out(line(r));
      ctx.out(message(`cli.${key}.count`, { count: rows.length }));
    });
  };
  return command(key, subcommands(`cli.${key}.unknownSub`, { list }));
}

export const referralsCommand = pipelineCommand(
  'referrals',
  REFERRAL_STATUSES,
  REFERRAL_PIPELINE_COLUMNS,
  (ctx, offset, query) => call(ctx, 'pipelines.referrals', { offset, limit: 500, ...query }),
  (r) => {
    const outcome = r.outcome
      ? `${message(labelKey.referralOutcomeShort(r.outcome))}${r.outcomeAmountOre ? ` ${formatMoney(r.outcomeAmountOre)}` : ''}`
      : '';
    return [
      formatDateDa(r.sentAt) || '—'.padEnd(10),
      message(labelKey.referralStatus(r.status)),
      r.companyName,
      r.organisationName,
      outcome,
    ].join('\t');
  },
);

export const lagCommand = pipelineCommand(
  'lag',
  LAG_STATUSES,
  LAG_PIPELINE_COLUMNS,
  (ctx, offset, query) => call(ctx, 'pipelines.lag', { offset, limit: 500, ...query }),
  (r) =>
    [
      formatDateDa(r.submittedAt) || '—'.padEnd(10),
      message(labelKey.lagStatus(r.status)),
      r.companyName,
      r.title,
      r.organisationName,
      r.deadline ? formatDateDa(r.deadline) : '',
    ].join('\t'),
);
