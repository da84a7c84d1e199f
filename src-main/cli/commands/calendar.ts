import path from 'node:path';
import { message } from '../../core/messages';
import { type CliCommand, type CliContext, call, EXIT_OK, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';

/** A consultant named on the command line, matched as typed or ignoring case. */
async function consultantId(ctx: CliContext, name: string): Promise<number> {
  const known = await call(ctx, 'reference.consultants', {});
  const found =
    known.find((c) => c.name === name) ??
    known.find((c) => c.name.toLocaleLowerCase('da') === name.toLocaleLowerCase('da'));
  if (!found)
    throw new UsageError(
      message('cli.calendar.unknownConsultant', { name, names: known.map((c) => c.name).join(', ') || '–' }),
    );
  return found.id;
}

async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    out: { type: 'string' },
    consultant: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    notes: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (!values.out) throw new UsageError(message('cli.calendar.outRequired'));
  const written = await call(ctx, 'calendar.export', {
    path: path.resolve(values.out),
    consultant: values.consultant ? await consultantId(ctx, values.consultant) : undefined,
    from: values.from,
    to: values.to,
    notes: values.notes ?? false,
  });
  if (values.json) ctx.out(JSON.stringify(written, null, 2));
  else ctx.out(message('cli.calendar.written', { count: written.events, path: written.path }));
  return EXIT_OK;
}

export const calendarCommand: CliCommand = {
  name: 'calendar',
  summary: message('cli.calendar.summary'),
  usage: message('cli.calendar.usage'),
  run,
};
