import { type CliCommand, call, EXIT_OK, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Gendan databasen fra en sikkerhedskopi (den nuværende kopieres først)',
  usage: 'restore FIL | restore --name NAVN   (NAVN fra "backup --list")',
  run: async (args, ctx) => {
    const { values, positionals } = parseCommandArgs(args, { name: { type: 'string' } }, true);
    const name = values.name || undefined;
    if (name) {
      const { backups } = await call(ctx, 'backups.list', {});
      if (!backups.some((b) => b.name === name))
        throw new UsageError(`Ingen sikkerhedskopi hedder ${name}; se "backup --list"`);
    }
    const file = positionals[0];
    if (!(name ?? file) || positionals.length > 1) throw new UsageError('restore kræver én fil eller --name');
    const result = await call(ctx, 'backups.restore', name ? { name } : { path: file ?? '' });
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
