import { listBackups } from '../../core/backup/backup';
import { createLiveDatabase } from '../../core/backup/live-database';
import { restoreDatabase } from '../../core/backup/restore';
import { openDatabase } from '../../core/db/open';
import { message } from '../../core/messages';
import { type CliCommand, EXIT_OK, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: message('cli.restore.summary'),
  usage: message('cli.restore.usage'),
  run: async (args, ctx) => {
    const { values, positionals } = parseCommandArgs(args, { name: { type: 'string' } }, true);
    let source = positionals[0];
    if (values.name) {
      const found = listBackups(ctx.dbPath).find((b) => b.name === values.name);
      if (!found) throw new UsageError(message('cli.restore.noSuchBackup', { name: values.name }));
      source = found.path;
    }
    if (!source || positionals.length > 1) throw new UsageError(message('cli.restore.oneFile'));
    // The command's own connection is the one to swap; the CLI closes the old one afterwards
    // (closing a closed connection is harmless) and this closes the new one.
    const live = createLiveDatabase(ctx.dbPath, (file) => openDatabase(file), undefined, ctx.db);
    const result = await restoreDatabase(live, source);
    live.db.close();
    ctx.out(message('cli.restore.restoredFrom', { path: result.restoredFrom }));
    ctx.out(message('cli.restore.schema', { version: result.schemaVersion, count: result.companyCount }));
    ctx.out(message('cli.restore.safetyCopy', { path: result.safetyBackup.path }));
    return EXIT_OK;
  },
};
