/**
 * `npm run bench:compare -- OLD NEW [--size 10000] [--runs 300]` — the caseload pages of two builds,
 * each checked out in its own folder (e.g. `git worktree add ../old <rev>`), called alternately in one
 * process through each build's own dispatcher on its own generated caseload (same seed, same size).
 *
 * Why alternately: on a shared machine the load moves by more than the 10 % a restructuring may cost,
 * so two runs one after the other compare the load, not the code. Calls taken in turns see the same
 * load; the ratio of their medians is the code's. Each build needs its `node_modules`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { summarise } from './lib/stats';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { size: { type: 'string', default: '10000' }, runs: { type: 'string', default: '300' } },
});
const [oldDir, newDir] = positionals.map((p) => path.resolve(p));
if (!oldDir || !newDir) {
  console.error('Brug: npm run bench:compare -- GAMMEL-MAPPE NY-MAPPE [--size N] [--runs N]');
  process.exit(2);
}
const size = Number(values.size);
const runs = Number(values.runs);

interface CaseloadCase {
  name: string;
  input: Record<string, unknown>;
}
interface BuildStore {
  db: { prepare(sql: string): { pluck(): { get(): unknown } } };
  call(method: string, input: unknown): Promise<unknown>;
  close(): void;
}
interface Build {
  dir: string;
  store: BuildStore;
  cases: readonly CaseloadCase[];
  forget(db: unknown): void;
  companies: number;
}

/** One build's own store, cases and count cache, loaded from its folder. */
async function loadBuild(dir: string): Promise<Build> {
  const storeModule = await import(path.join(dir, 'bench/lib/store.ts'));
  const suite = await import(path.join(dir, 'bench/suites/caseload.ts'));
  const cache = await import(path.join(dir, 'src-main/core/companies/caseload-count-cache.ts'));
  const generated = storeModule.ensureCaseload(size, true, (line: string) => console.error(`${dir}: ${line}`));
  const store: BuildStore = storeModule.openStore(generated.file);
  const companies = Number(store.db.prepare('SELECT count(*) FROM companies').pluck().get());
  return { dir, store, cases: suite.CASELOAD_CASES, forget: cache.forgetCaseloadTotals, companies };
}

/** The case's input as the bench suite sends it ("last page" names its offset from the end). */
function inputFor(build: Build, c: CaseloadCase): Record<string, unknown> {
  return c.input.offset === -1 ? { ...c.input, offset: Math.max(0, build.companies - 100) } : { ...c.input };
}

async function timeCall(build: Build, input: Record<string, unknown>): Promise<number> {
  const t0 = performance.now();
  build.forget(build.store.db);
  await build.store.call('companies.list', input);
  return performance.now() - t0;
}

const older = await loadBuild(oldDir);
const newer = await loadBuild(newDir);
console.log(`${size.toLocaleString('da-DK')} virksomheder, ${runs} kald hver, skiftevis`);
console.log(`gammel: ${oldDir}\nny:     ${newDir}\n`);
console.log(`${'side'.padEnd(50)} ${'gammel ms'.padStart(10)} ${'ny ms'.padStart(8)} ${'forhold'.padStart(8)}`);
const ratios: number[] = [];
for (const c of newer.cases) {
  const before = older.cases.find((o) => o.name === c.name);
  if (!before) continue;
  const oldInput = inputFor(older, before);
  const newInput = inputFor(newer, c);
  for (let i = 0; i < 10; i++) {
    await timeCall(older, oldInput);
    await timeCall(newer, newInput);
  }
  const oldTimes: number[] = [];
  const newTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Who goes first alternates too, so neither build always meets a cache the other warmed.
    if (i % 2) {
      oldTimes.push(await timeCall(older, oldInput));
      newTimes.push(await timeCall(newer, newInput));
    } else {
      newTimes.push(await timeCall(newer, newInput));
      oldTimes.push(await timeCall(older, oldInput));
    }
  }
  const o = summarise(oldTimes).median;
  const n = summarise(newTimes).median;
  ratios.push(n / o);
  const ms = (v: number) => v.toLocaleString('da-DK', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  console.log(
    `${c.name.padEnd(50)} ${ms(o).padStart(10)} ${ms(n).padStart(8)} ${(n / o).toLocaleString('da-DK', { maximumFractionDigits: 2 }).padStart(8)}`,
  );
}
const geometric = Math.exp(ratios.reduce((sum, r) => sum + Math.log(r), 0) / ratios.length);
console.log(`\nGeometrisk gennemsnit ny/gammel: ${geometric.toLocaleString('da-DK', { maximumFractionDigits: 3 })}`);
console.log(`Værste side: ${Math.max(...ratios).toLocaleString('da-DK', { maximumFractionDigits: 2 })}`);
older.store.close();
newer.store.close();
