import { message } from '../../core/messages';
import { call, command, EXIT_OK, UsageError } from '../cli-context';
import { parseFlags } from '../parse';

export const restoreCommand = command('restore', async (args, ctx) => {
  const { values, positionals } = parseFlags(args, { string: ['name'] }, true);
  const name = values.name || undefined;
  if (name) {
    const { backups } = await call(ctx, 'backups.list', {});
    if (!backups.some((b) => b.name === name)) throw new UsageError(message('cli.restore.noSuchBackup', { name }));
  }
  const file = positionals[0];
  if (!(name ?? file) || positionals.length > 1) throw new UsageError(message('cli.restore.oneFile'));
  const result = await call(ctx, 'backups.restore', name ? { name } : { path: file ?? '' });
  ctx.out(message('cli.restore.restoredFrom', { path: result.restoredFrom }));
  ctx.out(message('cli.restore.schema', { version: result.schemaVersion, count: result.companyCount }));
  if (result.erasuresApplied > 0) ctx.out(message('cli.restore.erasuresApplied', { count: result.erasuresApplied }));
  if (result.attachmentsMissing > 0)
    ctx.out(message('cli.restore.attachmentsMissing', { count: result.attachmentsMissing }));
  ctx.out(message('cli.restore.safetyCopy', { path: result.safetyBackup.path }));
  return EXIT_OK;
});
