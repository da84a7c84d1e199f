/**
 * `npm run bench` — Bindeled at 1,000, 10,000 and 100,000 companies.
 *
 *   npm run bench                 1k, 10k and 100k; writes docs/performance.md
 *   npm run bench -- --quick      1k and 10k
 *   npm run bench -- --reuse      keep and reuse generated caseloads between runs (same schema)
 *   npm run bench -- --no-ui      skip the Chromium figures
 *   npm run bench -- --only caseload,search   run only these suites (SUITES below names them all)
 *   npm run bench -- --json run.json           also save the figures; --render run.json writes the
 *                                              page again from them with the current notes
 *   npm run bench -- --before old.json         print an earlier run's figures (saved with --json,
 *                                              e.g. by the old build) beside the new ones
 *
 * Every figure is printed as one line: median, min and max over repeated runs, and the ratio to
 * a baseline measured in the same run. Benchmarks measure; nothing here is asserted in `npm test`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './lib/child';
import { type Figure, figureLine, verdict } from './lib/figures';
import { machineInfo } from './lib/machine';
import { type BenchRun, renderMarkdown } from './lib/report';
import { ensureCaseload, openStore, removeDb } from './lib/store';
import { attachmentFigures } from './suites/attachments';
import { bulkFigures } from './suites/bulk';
import { calendarFigures } from './suites/calendar';
import { caseloadFigures } from './suites/caseload';
import { cvrImportFigures } from './suites/cvr-import';
import { duplicateFigures } from './suites/duplicates';
import { emailDraftFigures } from './suites/email-drafts';
import { interopFigures } from './suites/interop';
import { letterFigures } from './suites/letters';
import { mainThreadFigures } from './suites/main-thread';
import { openFigures } from './suites/open';
import { pipelineFigures } from './suites/pipelines';
import { reportFigures } from './suites/report';
import { uiFigures } from './suites/ui';
import { visitSearchFigures } from './suites/visit-search';
import { weekFigures } from './suites/week';

const SUITES = [
  'generate',
  'open',
  'caseload',
  'search',
  'report',
  'duplicates',
  'interop',
  'letters',
  'ui',
  'attachments',
  'calendar',
  'email-drafts',
  'pipelines',
  'bulk',
  'week',
  'cvr-import',
  'main-thread',
] as const;
type Suite = (typeof SUITES)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    'no-ui': { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: path.join(ROOT, 'docs/performance.md') },
    /** Also write the figures as JSON (for comparing runs). */
    json: { type: 'string' },
    /** Measure nothing: write the page again from a run saved with --json, with the current notes. */
    render: { type: 'string' },
    /** An earlier run saved with --json, shown beside this one's figures. */
    before: { type: 'string' },
  },
});

const readRun = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as BenchRun;

const NOTES_FILE = path.join(ROOT, 'bench/performance-notes.md');
if (values.render) {
  // Notes are often written after looking at a long run's figures; this puts them on the page
  // without measuring again (the figures, machine and time stay those of the saved run).
  const saved = readRun(values.render);
  if (fs.existsSync(NOTES_FILE)) saved.notes = fs.readFileSync(NOTES_FILE, 'utf8');
  if (values.before) saved.before = readRun(values.before);
  fs.writeFileSync(values.out, renderMarkdown(saved));
  process.stdout.write(`Wrote ${path.relative(ROOT, values.out)} from ${values.render}\n`);
  process.exit(0);
}

const sizes = values.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const only = new Set((values.only?.split(',') ?? SUITES) as Suite[]);
const wanted = (s: Suite) => only.has(s) && !(s === 'ui' && values['no-ui']);
/** Fewer repetitions where one run takes seconds. */
const runsFor = (size: number, heavy = false) => (heavy ? (size >= 100_000 ? 3 : 5) : size >= 100_000 ? 20 : 40);

const log = (line: string) => process.stdout.write(`${line}\n`);
const figures: Figure[] = [];
const add = (list: Figure[]) => {
  for (const f of list) {
    figures.push(f);
    log(figureLine(f));
  }
};
async function guarded(name: string, size: number, fn: () => Promise<Figure[]>): Promise<void> {
  try {
    add(await fn());
  } catch (err) {
    add([{ size, name, note: `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` }]);
  }
}

/** The checkout's commit, so that a saved run says which code it measured. */
function gitCommit(): { commit?: string } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return commit ? { commit } : {};
  } catch {
    return {};
  }
}

const machine = machineInfo();
const started = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
log(`Bindeled bench ${started}: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}`);
log(`SQLite ${machine.sqlite}, load average ${machine.loadStart.toFixed(2)}; sizes ${sizes.join(', ')}`);

for (const size of sizes) {
  log(`\n— ${size.toLocaleString('da-DK')} virksomheder —`);
  const gen = ensureCaseload(size, values.reuse, log);
  if (gen.result && wanted('generate')) {
    const r = gen.result;
    add([
      {
        size,
        name: 'generate caseload (one transaction)',
        timing: { median: gen.ms, min: gen.ms, max: gen.ms, runs: 1, cpu: gen.cpuMs },
        extra: `${r.visits} visits (${(r.noteWords / 1e6).toFixed(1)} M words), ${r.followups} follow-ups, ${r.referrals} referrals, ${r.lagApplications} LAG, ${r.networks} networks; file ${(gen.bytes / 2 ** 20).toFixed(0)} MB`,
      },
    ]);
  }
  if (wanted('open')) await guarded('database open', size, () => openFigures(gen.file, size, runsFor(size)));
  const store = openStore(gen.file);
  try {
    if (wanted('caseload')) await guarded('caseload', size, () => caseloadFigures(store, size, runsFor(size)));
    if (wanted('search'))
      await guarded('visit notes search', size, () => visitSearchFigures(store, size, runsFor(size)));
    if (wanted('report'))
      await guarded('programme report', size, () => reportFigures(store, size, runsFor(size, true)));
    if (wanted('duplicates'))
      await guarded('duplicates', size, () => duplicateFigures(store, size, runsFor(size, true)));
    if (wanted('calendar')) await guarded('calendar', size, () => calendarFigures(store, size, runsFor(size, true)));
    if (wanted('pipelines')) await guarded('pipelines', size, () => pipelineFigures(store, size, runsFor(size)));
    if (wanted('bulk')) await guarded('bulk actions', size, () => bulkFigures(store, size, runsFor(size, true)));
    if (wanted('week')) await guarded('Min uge', size, () => weekFigures(store, size, runsFor(size)));
  } finally {
    store.close();
  }
  if (wanted('interop'))
    await guarded('import/export', size, () => interopFigures(gen.file, size, runsFor(size, true)));
  if (wanted('cvr-import')) await guarded('CVR extract', size, () => cvrImportFigures(size, runsFor(size, true)));
  if (wanted('letters') && size >= 10_000)
    await guarded('referral letters', size, () => letterFigures(gen.file, size, runsFor(size, true)));
  if (wanted('email-drafts') && size >= 10_000)
    await guarded('e-mail drafts', size, () => emailDraftFigures(gen.file, size, runsFor(size, true)));
  if (wanted('ui') && size === sizes.at(-1)) await guarded('UI', size, () => uiFigures(gen.file, size, 3));
  if (wanted('main-thread') && size === sizes.at(-1))
    await guarded('main thread', size, () => mainThreadFigures(gen.file, size, 3));
  // Independent of the caseload's size: measured once.
  if (wanted('attachments') && size === sizes[0]) await guarded('attachments', size, () => attachmentFigures(size, 5));
  if (!values.reuse) removeDb(gen.file);
}

machine.loadEnd = os.loadavg()[0] ?? 0;
const run: BenchRun = { machine, started, quick: values.quick, sizes, figures, ...gitCommit() };
if (fs.existsSync(NOTES_FILE)) run.notes = fs.readFileSync(NOTES_FILE, 'utf8');
if (values.before) run.before = readRun(values.before);
fs.mkdirSync(path.dirname(values.out), { recursive: true });
fs.writeFileSync(values.out, renderMarkdown(run));
// The saved run leaves out the earlier one it was shown beside: each file holds one measurement.
if (values.json) fs.writeFileSync(values.json, JSON.stringify({ ...run, before: undefined }, null, 2));
const largest = figures.filter((f) => f.size === sizes.at(-1) && (f.target || f.note));
const tally = (v: string) => largest.filter((f) => verdict(f) === v).length;
log(
  `\nWrote ${path.relative(ROOT, values.out)}: ${figures.length} figures; load average at end ${machine.loadEnd.toFixed(2)}.`,
);
log(
  `At ${sizes.at(-1)?.toLocaleString('da-DK')} companies: ${tally('met')} targets met, ${tally('missed')} missed, ${tally('waiting')} waiting.`,
);
