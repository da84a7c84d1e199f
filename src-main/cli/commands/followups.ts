import { formatDateDa } from '../../../src-shared/format/dates';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { FOLLOWUP_FILTERS, type FollowUp, type FollowUpFilter } from '../../core/followups/followup-schema';
import { message } from '../../core/messages';
import { type CliCommand, type CliContext, call, EXIT_OK, lookupCompany, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';
import { subcommands } from '../subcommands';

function filterArg(value: string | undefined): FollowUpFilter {
  if (value === undefined) return 'open';
  if (!(FOLLOWUP_FILTERS as readonly string[]).includes(value))
    throw new UsageError(message('cli.unknownFilter', { value, options: FOLLOWUP_FILTERS.join(', ') }));
  return value as FollowUpFilter;
}

function line(f: FollowUp): string {
  return [
    formatDateDa(f.effectiveDue),
    message(labelKey.followUpState(f.state)),
    `${f.companyName}${f.companyCvr ? ` (${f.companyCvr})` : ''}`,
    f.title,
    f.consultant ?? '',
    `id ${f.id}`,
  ].join('\t');
}

async function list(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    'due-before': { type: 'string' },
    filter: { type: 'string' },
    company: { type: 'string' },
    mine: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const companyId = values.company ? (await lookupCompany(ctx, values.company)).id : undefined;
  const rows: FollowUp[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await call(ctx, 'followups.list', {
      // A coordinator's or a script's view: everyone's, unless --mine.
      scope: values.mine ? 'mine' : 'all',
      filter: filterArg(values.filter),
      dueBefore: values['due-before'],
      companyId,
      offset,
      limit: 500,
    });
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) break;
  }
  if (values.json) ctx.out(JSON.stringify(rows, null, 2));
  else {
    for (const f of rows) ctx.out(line(f));
    ctx.out(message('cli.followups.count', { count: rows.length }));
  }
  return EXIT_OK;
}

async function done(args: string[], ctx: CliContext): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, true);
  if (positionals.length === 0) throw new UsageError(message('cli.followups.idRequired'));
  for (const p of positionals) {
    const id = Number(p);
    if (!Number.isInteger(id) || id < 1) throw new UsageError(message('cli.invalidId', { value: p }));
    const f = await call(ctx, 'followups.complete', { id, done: true });
    ctx.out(message('cli.followups.done', { title: f.title, company: f.companyName }));
  }
  return EXIT_OK;
}

export const followupsCommand: CliCommand = {
  name: 'followups',
  summary: message('cli.followups.summary'),
  usage: message('cli.followups.usage'),
  run: subcommands('cli.followups.unknownSub', { list, done }),
};
