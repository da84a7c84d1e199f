import { checkIntegrity } from '../../core/db/integrity';
import { describeLeftovers } from '../../core/files/leftovers';
import { storageWarning } from '../../core/files/synced-folder';
import { message } from '../../core/messages';
import { settingProblemMessage } from '../../core/settings/settings-repo';
import { type CliCommand, EXIT_OK, EXIT_REJECTED } from '../cli-context';
import { parseFlags } from '../parse';

export const checkCommand: CliCommand = {
  name: 'check',
  summary: message('cli.check.summary'),
  usage: 'check [--json]',
  run: (args, ctx) => {
    const { values } = parseFlags(args, { boolean: ['json'] });
    const report = checkIntegrity(ctx.db);
    const storage = storageWarning(ctx.dbPath);
    if (values.json) ctx.out(JSON.stringify({ ...report, leftovers: ctx.leftovers, storageWarning: storage }, null, 2));
    else {
      ctx.out(message('cli.check.database', { path: ctx.dbPath, version: report.schemaVersion }));
      if (storage) ctx.out(storage);
      ctx.out(`integrity_check: ${report.integrity.join('; ')}`);
      const problems = report.foreignKeyProblems.length;
      ctx.out(
        message('cli.check.foreignKeys', {
          result: problems === 0 ? 'ok' : message('cli.check.problemCount', { count: problems }),
        }),
      );
      for (const p of report.foreignKeyProblems)
        ctx.out(`  ${message('cli.check.problem', { table: p.table, rowid: p.rowid, parent: p.parent })}`);
      const settings = report.settingProblems;
      ctx.out(
        settings.length
          ? message('cli.check.settingsBad', { count: settings.length })
          : message('cli.check.settingsOk'),
      );
      for (const p of settings) {
        const m = settingProblemMessage(p);
        ctx.out(`  ${message(m.key, m.params)}`);
      }
      const files = report.attachmentProblems;
      ctx.out(
        files.length
          ? message('cli.check.attachmentsBad', { count: files.length })
          : message('cli.check.attachmentsOk'),
      );
      for (const p of files)
        ctx.out(
          `  ${message(p.problem === 'missing' ? 'cli.check.attachmentMissing' : 'cli.check.attachmentChanged', {
            company: p.company,
            name: p.name,
            sha: p.sha256,
          })}`,
        );
      ctx.out(describeLeftovers(ctx.leftovers));
      ctx.out(report.ok ? 'OK' : message('cli.check.failed'));
    }
    return report.ok ? EXIT_OK : EXIT_REJECTED;
  },
};
