/**
 * `npx tsx bench/interop-formats.ts [--sizes 10000,100000] [--full]` — the file formats' own figures:
 * export, preview and import times for the caseload file, CSV and XLSX at each size, into an
 * empty database, in this one process (so memory is the process's peak, noted per step).
 * Companies with an owner each (generateCompanies); --full adds visits, referrals, networks…
 * (generateCaseload) to the caseload-file round. Prints figures; asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../src-main/core/db/open';
import { runExport } from '../src-main/core/interop/export-service';
import { previewImport, runImport } from '../src-main/core/interop/import-service';
import { type ExportFormat, importOptionsSchema } from '../src-main/core/interop/interop-schema';
import { NO_JOB } from '../src-main/core/interop/job';
import { generateCaseload } from '../tools/generate/generate-caseload';
import { ensureGeneratedConsultants, generateCompanies } from '../tools/generate/generate-companies';
import { Random } from '../tools/generate/random';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '10000,100000' }, full: { type: 'boolean', default: false } },
});
const sizes = (values.sizes ?? '')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindeled-interop-bench-'));
const ctx = { locale: 'da' as const, job: NO_JOB, appVersion: 'bench' };
const options = importOptionsSchema.parse({});
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const peak = () => mb(process.memoryUsage().rss);

/** Wall time, and this process's CPU time: on a shared, loaded machine the CPU time is the steadier figure. */
async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number; cpu: number }> {
  const t = performance.now();
  const c = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(c);
  return { value, ms: Math.round(performance.now() - t), cpu: Math.round((used.user + used.system) / 1000) };
}
const both = (x: { ms: number; cpu: number }) => `${x.ms}/${x.cpu}`;

function seed(db: Database, size: number): string {
  if (values.full) {
    const r = generateCaseload(db, { companies: size, seed: 2011 });
    return `${r.companies} companies, ${r.contacts} contacts and their history`;
  }
  db.transaction(() => {
    const rng = new Random(2011);
    const consultants = ensureGeneratedConsultants(
      db,
      rng,
      Math.max(3, Math.round(size / 2000)),
      '2012-12-31T12:00:00Z',
    );
    generateCompanies(db, rng, { count: size, from: '2010-01-01', to: '2012-12-31' }, consultants);
    // Closing a case takes a reason; generated closed firms get one so every row is importable.
    db.prepare(
      "UPDATE companies SET status_reason = 'Afsluttet' WHERE status = 'closed' AND status_reason IS NULL",
    ).run();
  })();
  return `${size} companies with owners`;
}

const ext: Record<ExportFormat, string> = { caseload: 'bindeled.json', csv: 'csv', xlsx: 'xlsx' };
console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}`,
);
for (const size of sizes) {
  const source = openDatabase(path.join(dir, `source-${size}.db`));
  const seeded = await timed(() => seed(source, size));
  console.log(`\n${size.toLocaleString('da-DK')}: ${seeded.value} (generated in ${seeded.ms} ms)`);
  console.log('format    export ms    file size    preview ms   import ms    rows added  peak RSS   (wall/CPU ms)');
  for (const format of ['caseload', 'csv', 'xlsx'] as const) {
    const out = await timed(() =>
      runExport(source, { format, path: path.join(dir, `${size}.${ext[format]}`), scope: { kind: 'all' } }, ctx),
    );
    const target = openDatabase(path.join(dir, `target-${size}-${format}.db`));
    const job = { ...ctx, issueLimit: 100 };
    const pre = await timed(() => previewImport(target, out.value.path, options, job));
    const imp = await timed(() =>
      runImport(target, { path: out.value.path, options, fingerprint: pre.value.fingerprint, onInvalid: 'abort' }, job),
    );
    const added = imp.value.written ? imp.value.totals.add : 0;
    console.log(
      `${format.padEnd(9)} ${both(out).padStart(11)}  ${mb(out.value.bytes).padStart(9)}  ${both(pre).padStart(12)}  ${both(imp).padStart(12)}  ${String(added).padStart(10)}  ${peak().padStart(8)}${imp.value.written ? '' : `  NOT WRITTEN: ${imp.value.issues[0]?.message ?? ''}`}`,
    );
    target.close();
  }
  source.close();
}
console.log('\n(import ms includes reading and checking the file again before the one write transaction)');
fs.rmSync(dir, { recursive: true, force: true });
