import { generateCaseload } from '../../core/generate/generate-caseload';
import { message } from '../../core/messages';
import { type CliCommand, EXIT_OK, EXIT_REJECTED, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[_.]/g, ''));
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000)
    throw new UsageError(message('cli.positiveInteger', { flag: name }));
  return n;
}

/**
 * Fills an empty database with a fictional caseload (firms, contact persons, visits with notes,
 * follow-ups, referrals, LAG applications, knowledge contacts, networks) for demos and benchmarks.
 * Refuses a database that already holds firms: fictional firms must never mix with real ones.
 */
export const generateCommand: CliCommand = {
  name: 'generate',
  summary: message('cli.generate.summary'),
  usage: message('cli.generate.usage'),
  run: (args, ctx) => {
    const { values } = parseCommandArgs(args, {
      companies: { type: 'string' },
      seed: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.companies === undefined) throw new UsageError(message('cli.generate.companiesRequired'));
    const companies = positiveInt(values.companies, '--companies', 0);
    const seed = positiveInt(values.seed, '--seed', 1);
    for (const [name, v] of [
      ['--from', values.from],
      ['--to', values.to],
    ] as const) {
      if (v !== undefined && !ISO.test(v))
        throw new UsageError(message('cli.isoDate', { flag: name, example: '2012-12-31' }));
    }
    if (values.from && values.to && values.from >= values.to)
      throw new UsageError(message('cli.generate.fromBeforeTo'));
    const existing = (ctx.db.prepare('SELECT count(*) AS n FROM companies').get() as { n: number }).n;
    if (existing > 0) {
      ctx.err(
        message('cli.error', { message: message('cli.generate.notEmpty', { path: ctx.dbPath, count: existing }) }),
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
        if (!values.json && done % 10_000 === 0) ctx.err(`  ${message('cli.generate.progress', { done, total })}`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    if (values.json) ctx.out(JSON.stringify({ ...result, seed, seconds }, null, 2));
    else {
      ctx.out(message('cli.generate.done', { path: ctx.dbPath, seed, seconds: seconds.toFixed(1) }));
      for (const line of ['cli.generate.companies', 'cli.generate.visits', 'cli.generate.outreach'] as const)
        ctx.out(`  ${message(line, { ...result })}`);
      if (result.skipped.length) ctx.out(`  ${message('cli.generate.skipped', { tables: result.skipped.join(', ') })}`);
    }
    return EXIT_OK;
  },
};
