import { generateCaseload } from '../../core/generate/generate-caseload';
import { type CliCommand, EXIT_OK, EXIT_REJECTED, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[_.]/g, ''));
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw new UsageError(`${name} skal være et helt tal over 0`);
  return n;
}

/**
 * Fills an empty database with a fictional caseload (firms, contact persons, visits with notes,
 * follow-ups, referrals, LAG applications, knowledge contacts, networks) for demos and benchmarks.
 * Refuses a database that already holds firms: fictional firms must never mix with real ones.
 */
export const generateCommand: CliCommand = {
  name: 'generate',
  summary: 'Fyld en tom database med en opdigtet sagsmængde (demo og målinger)',
  usage: 'generate --companies N [--seed S] [--from ÅÅÅÅ-MM-DD] [--to ÅÅÅÅ-MM-DD] [--json]',
  run: (args, ctx) => {
    const { values } = parseCommandArgs(args, {
      companies: { type: 'string' },
      seed: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.companies === undefined) throw new UsageError('generate kræver --companies N');
    const companies = positiveInt(values.companies, '--companies', 0);
    const seed = positiveInt(values.seed, '--seed', 1);
    for (const [name, v] of [
      ['--from', values.from],
      ['--to', values.to],
    ] as const) {
      if (v !== undefined && !ISO.test(v)) throw new UsageError(`${name} skal være en dato som 2012-12-31`);
    }
    if (values.from && values.to && values.from >= values.to) throw new UsageError('--from skal ligge før --to');
    const existing = (ctx.db.prepare('SELECT count(*) AS n FROM companies').get() as { n: number }).n;
    if (existing > 0) {
      ctx.err(
        `Fejl: ${ctx.dbPath} indeholder allerede ${existing} virksomheder. Opdigtede data skrives kun i en tom database; brug --db NY-FIL.db`,
      );
      return EXIT_REJECTED;
    }
    const started = performance.now();
    const result = generateCaseload(ctx.db, {
      companies,
      seed,
      from: values.from,
      to: values.to,
      onProgress: (done, total) => {
        if (!values.json && done % 10_000 === 0) ctx.err(`  ${done} af ${total} virksomheder …`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    if (values.json) ctx.out(JSON.stringify({ ...result, seed, seconds }, null, 2));
    else {
      ctx.out(`Genereret i ${ctx.dbPath} (seed ${seed}) på ${seconds.toFixed(1)} s:`);
      ctx.out(
        `  ${result.companies} virksomheder, ${result.contacts} kontaktpersoner, ${result.consultants} konsulenter`,
      );
      ctx.out(`  ${result.visits} besøg (${result.noteWords} ord i noter), ${result.followups} opfølgninger`);
      ctx.out(
        `  ${result.referrals} henvisninger (${result.grants} med tilskud), ${result.lagApplications} LAG-ansøgninger, ` +
          `${result.knowledgeContacts} videnkontakter, ${result.networks} netværk`,
      );
      if (result.skipped.length) ctx.out(`  Sprunget over (tabellerne findes ikke): ${result.skipped.join(', ')}`);
    }
    return EXIT_OK;
  },
};
