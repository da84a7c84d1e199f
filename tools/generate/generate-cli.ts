import path from 'node:path';
import { EXIT_OK, EXIT_REJECTED, EXIT_USAGE, UsageError } from '../../src-main/cli/cli-context';
import { parseCommandArgs } from '../../src-main/cli/parse';
import type { CliIo } from '../../src-main/cli/run-cli';
import { openDatabase } from '../../src-main/core/db/open';
import { DomainError } from '../../src-main/core/errors';
import { message } from '../../src-main/core/messages';
import { generateCaseload } from './generate-caseload';

const USAGE = 'npm run generate -- --db FIL --companies N [--seed S] [--from ÅÅÅÅ-MM-DD] [--to ÅÅÅÅ-MM-DD] [--json]';
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[_.]/g, ''));
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw new UsageError(`${name} skal være et helt tal over 0`);
  return n;
}

function parse(argv: string[]) {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    companies: { type: 'string' },
    seed: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (!values.db) throw new UsageError('generate kræver --db FIL (en ny database)');
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
  return { db: path.resolve(values.db), companies, seed, from: values.from, to: values.to, json: values.json };
}

/**
 * Fills an empty database with a fictional caseload (firms, contact persons, visits with notes,
 * follow-ups, referrals, LAG applications, knowledge contacts, networks) for benchmarks and for
 * trying the app at size. Refuses a database that already holds firms: fictional firms must never
 * mix with real ones. Exit codes as the app's CLI: 0 done, 1 refused, 2 usage error.
 */
export async function runGenerate(argv: string[], io: CliIo): Promise<number> {
  let opts: ReturnType<typeof parse>;
  try {
    opts = parse(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`${err.message}\nBrug: ${USAGE}`);
    return EXIT_USAGE;
  }
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(opts.db);
  } catch (err) {
    io.err(err instanceof DomainError ? message(err.key, err.params) : `Kan ikke åbne ${opts.db}: ${String(err)}`);
    return EXIT_REJECTED;
  }
  try {
    const existing = (db.prepare('SELECT count(*) AS n FROM companies').get() as { n: number }).n;
    if (existing > 0) {
      io.err(
        `Fejl: ${opts.db} indeholder allerede ${existing} virksomheder. Opdigtede data skrives kun i en tom database; brug --db NY-FIL.db`,
      );
      return EXIT_REJECTED;
    }
    const started = performance.now();
    const result = generateCaseload(db, {
      companies: opts.companies,
      seed: opts.seed,
      from: opts.from,
      to: opts.to,
      onProgress: (done, total) => {
        if (!opts.json && done % 10_000 === 0) io.err(`  ${done} af ${total} virksomheder …`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    if (opts.json) io.out(JSON.stringify({ ...result, seed: opts.seed, seconds }, null, 2));
    else {
      io.out(`Genereret i ${opts.db} (seed ${opts.seed}) på ${seconds.toFixed(1)} s:`);
      io.out(
        `  ${result.companies} virksomheder, ${result.contacts} kontaktpersoner, ${result.consultants} konsulenter`,
      );
      io.out(`  ${result.visits} besøg (${result.noteWords} ord i noter), ${result.followups} opfølgninger`);
      io.out(
        `  ${result.referrals} henvisninger (${result.grants} med tilskud), ${result.lagApplications} LAG-ansøgninger, ` +
          `${result.knowledgeContacts} videnkontakter, ${result.networks} netværk`,
      );
      if (result.skipped.length) io.out(`  Sprunget over (tabellerne findes ikke): ${result.skipped.join(', ')}`);
    }
    return EXIT_OK;
  } finally {
    db.close();
  }
}
