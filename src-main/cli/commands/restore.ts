import { listBackups } from '../../core/backup/backup';
import { createLiveDatabase } from '../../core/backup/live-database';
import { restoreDatabase } from '../../core/backup/restore';
import { openDatabase } from '../../core/db/open';
import { type CliCommand, EXIT_OK, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Gendan databasen fra en sikkerhedskopi (den nuværende kopieres først)',
  usage: 'restore FIL | restore --name NAVN   (NAVN fra "backup --list")',
  run: async (args, ctx) => {
    const { values, positionals } = parseCommandArgs(args, { name: { type: 'string' } }, true);
    let source = positionals[0];
    if (values.name) {
      const found = listBackups(ctx.dbPath).find((b) => b.name === values.name);
      if (!found) throw new UsageError(`Ingen sikkerhedskopi hedder ${values.name}; se "backup --list"`);
      source = found.path;
    }
    if (!source || positionals.length > 1) throw new UsageError('restore kræver én fil eller --name');
    // The command's own connection is the one to swap; the CLI closes the old one afterwards
    // (closing a closed connection is harmless) and this closes the new one.
    const live = createLiveDatabase(ctx.dbPath, (file) => openDatabase(file), undefined, ctx.db);
    const result = await restoreDatabase(live, source);
    live.db.close();
    ctx.out(`Gendannet fra ${result.restoredFrom}`);
    ctx.out(`Skema ${result.schemaVersion}, ${result.companyCount} virksomheder`);
    if (result.erasuresApplied > 0) {
      ctx.out(
        `${result.erasuresApplied} virksomheder, som var slettet efter GDPR, er slettet igen i den gendannede fil`,
      );
    }
    ctx.out(`Databasen fra før gendannelsen er gemt som ${result.safetyBackup.path}`);
    return EXIT_OK;
  },
};
