import { formatDateDa } from '../../../src-shared/format/dates';
import { type CliCommand, call, EXIT_OK, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';

export const networksCommand: CliCommand = {
  name: 'networks',
  summary: 'Vis erhvervsnetværk med medlemstal og møder',
  usage: 'networks list [--json] [--founded-from DATO] [--founded-to DATO]',
  run: async (args, ctx) => {
    const [sub, ...rest] = args;
    if (sub !== 'list') throw new UsageError(`networks: ukendt underkommando ${sub ?? '(ingen)'}; brug list`);
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
          `${n.memberCount} medlemmer`,
          `${n.meetingCount} møder`,
          n.endedOn ? `ophørt ${formatDateDa(n.endedOn)}` : '',
        ]
          .filter(Boolean)
          .join('\t'),
      );
    }
    ctx.out(`${rows.length} netværk`);
    return EXIT_OK;
  },
};
