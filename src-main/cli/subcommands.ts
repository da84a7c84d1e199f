import { type MessageKey, message } from '../core/messages';
import { type CommandRun, UsageError } from './cli-context';

/**
 * The run of a command made of subcommands (`followups list`, `followups done`): the first argument
 * names one; anything else is a usage error naming what was given, in the command's own words.
 */
export function subcommands(
  unknownSub: MessageKey,
  subs: Record<string, CommandRun>,
  params: Record<string, unknown> = {},
): CommandRun {
  return (args, ctx) => {
    const [sub, ...rest] = args;
    const run = sub !== undefined && Object.hasOwn(subs, sub) ? subs[sub] : undefined;
    if (!run) throw new UsageError(message(unknownSub, { ...params, sub: sub ?? message('cli.none') }));
    return run(rest, ctx);
  };
}
