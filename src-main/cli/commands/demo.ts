import { message } from '../../core/messages';
import { type CliCommand, call, EXIT_OK } from '../cli-context';
import { parseFlags } from '../parse';

/**
 * Imports the demo programme shipped with the app (one year in the 19 kommuner whose report for
 * 01.10.2010–17.10.2011 gives the press release's figures). Refuses a database that already holds
 * firms (exit 1): demo firms must never mix with real ones.
 */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: message('cli.demo.summary'),
  usage: 'demo [--json]',
  run: async (args, ctx) => {
    const { values } = parseFlags(args, { boolean: ['json'] });
    const result = await call(ctx, 'demo.create', {});
    if (values.json) ctx.out(JSON.stringify(result));
    else {
      ctx.out(message('cli.demo.created', { ...result, path: ctx.dbPath }));
      ctx.out(message('cli.demo.seeFigures'));
    }
    return EXIT_OK;
  },
};
