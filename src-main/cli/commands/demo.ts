import { message } from '../../core/messages';
import { type CliCommand, call, EXIT_OK, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';

/**
 * Creates the demo programme (one year in the 19 kommuner whose report for 01.10.2010–17.10.2011
 * gives the press release's figures). Refuses a database that already holds firms (exit 1): demo
 * firms must never mix with real ones.
 */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: message('cli.demo.summary'),
  usage: 'demo [--seed N] [--json]',
  run: async (args, ctx) => {
    const { values } = parseCommandArgs(args, { seed: { type: 'string' }, json: { type: 'boolean' } });
    const seed = values.seed === undefined ? 2011 : Number(values.seed);
    if (!Number.isInteger(seed) || seed < 1 || seed > 2_147_483_647) {
      throw new UsageError(message('cli.positiveInteger', { flag: '--seed' }));
    }
    const result = await call(ctx, 'demo.create', { seed });
    if (values.json) ctx.out(JSON.stringify(result));
    else {
      ctx.out(message('cli.demo.created', { ...result, path: ctx.dbPath }));
      ctx.out(message('cli.demo.seeFigures'));
    }
    return EXIT_OK;
  },
};
