import { message } from '../../core/messages';
import { type CliContext, call, command, EXIT_OK } from '../cli-context';
import { printResult } from '../output';
import { parseFlags } from '../parse';

function mb(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1).replace('.', ',')} MB`;
}

async function list(ctx: CliContext, json: boolean | undefined): Promise<number> {
  const { folder, backups } = await call(ctx, 'backups.list', {});
  return printResult(ctx, json, backups, () => {
    ctx.out(message('cli.backup.folder', { folder }));
    for (const b of backups)
      ctx.out(
        message('cli.backup.line', {
          at: b.createdAt,
          reason: b.reason.padEnd(16),
          version: b.schemaVersion,
          size: mb(b.sizeBytes),
          name: b.name,
        }),
      );
    ctx.out(message('cli.backup.count', { count: backups.length }));
  });
}

export const backupCommand = command('backup', async (args, ctx) => {
  const { values } = parseFlags(args, { string: ['out'], boolean: ['list', 'json'] });
  if (values.list) return list(ctx, values.json);
  const b = values.out ? await call(ctx, 'backups.copy', { path: values.out }) : await call(ctx, 'backups.create', {});
  ctx.out(message('cli.backup.written', { path: b.path, size: mb(b.sizeBytes) }));
  return EXIT_OK;
});
