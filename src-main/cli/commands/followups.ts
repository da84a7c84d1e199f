import { formatDateDa } from '../../../src-shared/format/dates';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { FOLLOWUP_FILTERS, type FollowUp } from '../../core/followups/followup-schema';
import { message } from '../../core/messages';
import { type CliContext, call, command, EXIT_OK, lookupCompany, UsageError } from '../cli-context';
import { printResult, readAllPages } from '../output';
import { oneOf, parseFlags } from '../parse';
import { subcommands } from '../subcommands';

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
  const { values } = parseFlags(args, { string: ['due-before', 'filter', 'company'], boolean: ['mine', 'json'] });
  const companyId = values.company ? (await lookupCompany(ctx, values.company)).id : undefined;
  const { rows } = await readAllPages((offset, limit) =>
    call(ctx, 'followups.list', {
      // A coordinator's or a script's view: everyone's, unless --mine.
      scope: values.mine ? 'mine' : 'all',
      filter: values.filter === undefined ? 'open' : oneOf(values.filter, FOLLOWUP_FILTERS, 'cli.unknownFilter'),
      dueBefore: values['due-before'],
      companyId,
      offset,
      limit,
    }),
  );
  return printResult(ctx, values.json, rows, () => {
    for (const f of rows) ctx.out(line(f));
    ctx.out(message('cli.followups.count', { count: rows.length }));
  });
}

async function done(args: string[], ctx: CliContext): Promise<number> {
  const { positionals } = parseFlags(args, {}, true);
  if (positionals.length === 0) throw new UsageError(message('cli.followups.idRequired'));
  for (const p of positionals) {
    const id = Number(p);
    if (!Number.isInteger(id) || id < 1) throw new UsageError(message('cli.invalidId', { value: p }));
    const f = await call(ctx, 'followups.complete', { id, done: true });
    ctx.out(message('cli.followups.done', { title: f.title, company: f.companyName }));
  }
  return EXIT_OK;
}

export const followupsCommand = command('followups', subcommands('cli.followups.unknownSub', { list, done }));
