import { message } from '../../core/messages';
import { type CliCommand, call, EXIT_OK } from '../cli-context';
import { parseCommandArgs } from '../parse';

function mb(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1).replace('.', ',')} MB`;
}

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: message('cli.backup.summary'),
  usage: message('cli.backup.usage'),
  run: async (args, ctx) => {
    const { values } = parseCommandArgs(args, {
      out: { type: 'string' },
      list: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (values.list) {
      const { folder, backups } = await call(ctx, 'backups.list', {});
      if (values.json) ctx.out(JSON.stringify(backups, null, 2));
      else {
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
      }
      return EXIT_OK;
    }
    const b = values.out
      ? await call(ctx, 'backups.copy', { path: values.out })
      : await call(ctx, 'backups.create', {});
    ctx.out(message('cli.backup.written', { path: b.path, size: mb(b.sizeBytes) }));
    return EXIT_OK;
  },
};
