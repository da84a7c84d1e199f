import { backupToFile, createBackup, listBackups } from '../../core/backup/backup';
import { backupDir } from '../../core/backup/backup-names';
import { type CliCommand, EXIT_OK } from '../cli-context';
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
      const backups = listBackups(ctx.dbPath);
      if (values.json) ctx.out(JSON.stringify(backups, null, 2));
      else {
        ctx.out(`Mappe: ${backupDir(ctx.dbPath)}`);
        for (const b of backups)
          ctx.out(`${b.createdAt}  ${b.reason.padEnd(16)} skema ${b.schemaVersion}  ${mb(b.sizeBytes)}  ${b.name}`);
        ctx.out(`${backups.length} sikkerhedskopier`);
      }
      return EXIT_OK;
    }
    if (values.out) {
      const r = await backupToFile(ctx.db, values.out);
      ctx.out(`Sikkerhedskopi skrevet: ${r.path} (${mb(r.sizeBytes)})`);
      return EXIT_OK;
    }
    const b = await createBackup(ctx.db, ctx.dbPath, 'manual');
    ctx.out(`Sikkerhedskopi skrevet: ${b.path} (${mb(b.sizeBytes)})`);
    return EXIT_OK;
  },
};
