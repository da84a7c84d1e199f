import path from 'node:path';
import { message } from '../../core/messages';
import { type CliContext, call, command, UsageError } from '../cli-context';
import { printResult } from '../output';
import { parseFlags } from '../parse';

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

export const calendarCommand = command('calendar', async (args, ctx) => {
  const { values } = parseFlags(args, { string: ['out', 'consultant', 'from', 'to'], boolean: ['notes', 'json'] });
  if (!values.out) throw new UsageError(message('cli.calendar.outRequired'));
  const written = await call(ctx, 'calendar.export', {
    path: path.resolve(values.out),
    consultant: values.consultant ? await consultantId(ctx, values.consultant) : undefined,
    from: values.from,
    to: values.to,
    notes: values.notes ?? false,
  });
  return printResult(ctx, values.json, written, () =>
    ctx.out(message('cli.calendar.written', { count: written.events, path: written.path })),
  );
});
