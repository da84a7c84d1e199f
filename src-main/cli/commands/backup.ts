import { type CliCommand, call, EXIT_OK } from '../cli-context';
import { parseCommandArgs } from '../parse';

function mb(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1).replace('.', ',')} MB`;
}

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Tag en sikkerhedskopi af databasen (eller vis dem der er)',
  usage: 'backup [--out FIL] | backup --list [--json]',
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
        ctx.out(`Mappe: ${folder}`);
        for (const b of backups)
          ctx.out(`${b.createdAt}  ${b.reason.padEnd(16)} skema ${b.schemaVersion}  ${mb(b.sizeBytes)}  ${b.name}`);
        ctx.out(`${backups.length} sikkerhedskopier`);
      }
      return EXIT_OK;
    }
    const b = values.out
      ? await call(ctx, 'backups.copy', { path: values.out })
      : await call(ctx, 'backups.create', {});
    ctx.out(`Sikkerhedskopi skrevet: ${b.path} (${mb(b.sizeBytes)})`);
    return EXIT_OK;
  },
};
