import { formatDateDa } from '../../../src-shared/format/dates';
import { message } from '../../core/messages';
import { type CliContext, call, command } from '../cli-context';
import { printResult } from '../output';
import { parseFlags } from '../parse';
import { subcommands } from '../subcommands';

async function list(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, { string: ['founded-from', 'founded-to'], boolean: ['json'] });
  const rows = await call(ctx, 'networks.list', {
    foundedFrom: values['founded-from'],
    foundedTo: values['founded-to'],
  });
  return printResult(ctx, values.json, rows, () => {
    for (const n of rows) {
      ctx.out(
        [
          formatDateDa(n.foundedOn),
          n.name,
          n.theme ?? '',
          message('cli.networks.members', { count: n.memberCount }),
          message('cli.networks.meetings', { count: n.meetingCount }),
          n.endedOn ? message('cli.networks.ended', { date: formatDateDa(n.endedOn) }) : '',
        ]
          .filter(Boolean)
          .join('\t'),
      );
    }
    ctx.out(message('cli.networks.count', { count: rows.length }));
  });
}

export const networksCommand = command('networks', subcommands('cli.networks.unknownSub', { list }));
