import { formatDateDa } from '../../../src-shared/format/dates';
import { message } from '../../core/messages';
import { type CliCommand, call, EXIT_OK, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';

export const networksCommand: CliCommand = {
  name: 'networks',
  summary: message('cli.networks.summary'),
  usage: message('cli.networks.usage'),
  run: async (args, ctx) => {
    const [sub, ...rest] = args;
    if (sub !== 'list') throw new UsageError(message('cli.networks.unknownSub', { sub: sub ?? message('cli.none') }));
    const { values } = parseCommandArgs(rest, {
      json: { type: 'boolean' },
      'founded-from': { type: 'string' },
      'founded-to': { type: 'string' },
    });
    const rows = await call(ctx, 'networks.list', {
      foundedFrom: values['founded-from'],
      foundedTo: values['founded-to'],
    });
    if (values.json) {
      ctx.out(JSON.stringify(rows, null, 2));
      return EXIT_OK;
    }
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
    return EXIT_OK;
  },
};
