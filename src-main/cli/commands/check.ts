import { checkIntegrity } from '../../core/db/integrity';
import { describeLeftovers } from '../../core/files/leftovers';
import { message } from '../../core/messages';
import { settingProblemMessage } from '../../core/settings/settings-repo';
import { type CliCommand, EXIT_OK, EXIT_REJECTED } from '../cli-context';
import { parseCommandArgs } from '../parse';

export const checkCommand: CliCommand = {
  name: 'check',
  summary:
    'Tjek databasens integritet (integrity_check, fremmednøgler og indstillinger) og ryd op efter afbrudte skrivninger',
  usage: 'check [--json]',
  run: (args, ctx) => {
    const { values } = parseCommandArgs(args, { json: { type: 'boolean' } });
    const report = checkIntegrity(ctx.db);
    if (values.json) ctx.out(JSON.stringify({ ...report, leftovers: ctx.leftovers }, null, 2));
    else {
      ctx.out(`Database: ${ctx.dbPath} (skema ${report.schemaVersion})`);
      ctx.out(`integrity_check: ${report.integrity.join('; ')}`);
      ctx.out(
        `Fremmednøgler: ${report.foreignKeyProblems.length === 0 ? 'ok' : `${report.foreignKeyProblems.length} fejl`}`,
      );
      for (const p of report.foreignKeyProblems)
        ctx.out(`  ${p.table} række ${p.rowid} peger på manglende ${p.parent}`);
      const settings = report.settingProblems;
      ctx.out(
        settings.length ? message('check_settings_bad', { count: settings.length }) : message('check_settings_ok'),
      );
      for (const p of settings) {
        const m = settingProblemMessage(p);
        ctx.out(`  ${message(m.key, m.params)}`);
      }
      ctx.out(describeLeftovers(ctx.leftovers));
      ctx.out(report.ok ? 'OK' : 'FEJL');
    }
    return report.ok ? EXIT_OK : EXIT_REJECTED;
  },
};
