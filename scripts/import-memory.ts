/**
 * `npx tsx scripts/import-memory.ts [--only xlsx,large] [--firms 5000] [--large 100000] [--keep DIR]`
 * — the peak memory of the importer, which runs in the desktop app's main process. Builds files
 * and imports each in a fresh Node process, as the wizard does (interop.inspect, interop.preview,
 * interop.import through the dispatcher), printing that process's peak RSS after each step:
 *
 * `xlsx`, workbooks that test the zip's bounds:
 * - hostile: 479 MB of shared strings that deflate to a few MB (it must be refused, early);
 * - at the limit: shared strings just under the most Bindeled reads (it must be accepted);
 * - realistic: a caseload with visit notes exported by Bindeled and saved again with a shared
 *   strings table, as Excel saves it (about 20 MB at the default 5,000 firms).
 *
 * `large`, a legitimate large caseload: 100,000 firms with their owners, exported by Bindeled as
 * CSV, XLSX and caseload file, each imported into an empty database.
 *
 * A first process imports nothing and shows what loading the code and opening a database costs.
 * Prints figures; asserts nothing (tests/integration/core/interop/bad-files.test.ts does).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { createDispatcher } from '../src-main/api/dispatcher';
import { headlessShell } from '../src-main/api/headless-shell';
import { openDatabase } from '../src-main/core/db/open';
import { runExport } from '../src-main/core/interop/export-service';
import { NO_JOB } from '../src-main/core/interop/job';
import { xlsxRows, xlsxSheetNames } from '../src-main/core/ooxml/sheet-read';
import { ZIP_LIMITS } from '../src-main/core/ooxml/zip-read';
import { packPart, sharedStringsXml, writeZip, xlsxParts } from '../tests/helpers/interop-zip';
import { generateCaseload } from '../tools/generate/generate-caseload';
import { ensureGeneratedConsultants, generateCompanies } from '../tools/generate/generate-companies';
import { Random } from '../tools/generate/random';

const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    only: { type: 'string', default: 'xlsx,large' },
    firms: { type: 'string', default: '5000' },
    large: { type: 'string', default: '100000' },
    keep: { type: 'string' },
  },
});

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

interface Step {
  step: string;
  peakMb: number;
  ms: number;
  outcome: string;
}

/** The child: one database, one dispatcher, the wizard's three calls; one JSON line of figures. */
async function child(file: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindeled-import-memory-db-'));
  const dbPath = path.join(dir, 'bindeled.db');
  const db = openDatabase(dbPath);
  const dispatch = createDispatcher({
    db,
    dbPath,
    transport: 'cli',
    appVersion: 'import-memory',
    emit: () => {},
    shell: headlessShell(path.join(dir, 'docs')),
  });
  const steps: Step[] = [{ step: 'loaded', peakMb: peakMb(), ms: 0, outcome: '' }];
  if (file !== '-') {
    let fingerprint = '';
    for (const method of ['interop.inspect', 'interop.preview', 'interop.import']) {
      const t = performance.now();
      const r = await dispatch(method, { path: file, fingerprint, onInvalid: 'skip' });
      const step = {
        step: method.slice('interop.'.length),
        peakMb: peakMb(),
        ms: Math.round(performance.now() - t),
        outcome: '',
      };
      steps.push(step);
      if (!r.ok) {
        step.outcome = `refused: ${r.error.message}`;
        break;
      }
      const value = r.value as { fingerprint?: string; totals?: { add: number }; written?: boolean };
      if (value.fingerprint) fingerprint = value.fingerprint;
      if (method === 'interop.import')
        step.outcome = `written: ${value.written}, ${value.totals?.add ?? 0} records added`;
    }
  }
  const stored = (db.prepare('SELECT count(*) AS n FROM companies').get() as { n: number }).n;
  steps.push({ step: 'stored', peakMb: peakMb(), ms: 0, outcome: `${stored} firms in the database` });
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify(steps));
}

function runChild(file: string): Promise<Step[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('[')) resolve(JSON.parse(line) as Step[]);
      else reject(new Error(`the import process ended with ${code}: ${out.slice(0, 2000)}`));
    });
  });
}

async function stringsWorkbook(file: string, bytes: number): Promise<void> {
  const sheet = Buffer.from(
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Navn</t></is></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>',
  );
  const shared = await packPart(sharedStringsXml(bytes));
  writeZip(file, [...xlsxParts(sheet), { name: 'xl/sharedStrings.xml', data: Buffer.alloc(0), packed: shared }]);
}

/** Bindeled's own export of a generated caseload, saved again with one shared-strings table as Excel does. */
async function realisticWorkbook(dir: string, file: string, firms: number): Promise<void> {
  const db = openDatabase(path.join(dir, 'source.db'));
  generateCaseload(db, { companies: firms, seed: 2011 });
  const exported = path.join(dir, 'bindeled-export.xlsx');
  await runExport(
    db,
    { format: 'xlsx', path: exported, scope: { kind: 'all' } },
    {
      locale: 'da',
      job: NO_JOB,
      appVersion: 'import-memory',
    },
  );
  db.close();
  const out = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  for (const name of await xlsxSheetNames(exported, 'bindeled-export.xlsx')) {
    const ws = out.addWorksheet(name);
    for await (const row of xlsxRows(exported, name, 'bindeled-export.xlsx')) {
      const added = ws.addRow(row.cells);
      row.cells.forEach((c, i) => {
        if (c instanceof Date) added.getCell(i + 1).numFmt = 'dd.mm.yyyy';
      });
      added.commit();
    }
    ws.commit();
  }
  await out.commit();
}

/** Firms with an owner each, as the bench's import figures use, exported by Bindeled in each format. */
async function largeFiles(dir: string, firms: number): Promise<Record<'csv' | 'xlsx' | 'caseload', string>> {
  const files = {
    csv: path.join(dir, `firms-${firms}.csv`),
    xlsx: path.join(dir, `firms-${firms}.xlsx`),
    caseload: path.join(dir, `firms-${firms}.bindeled.json`),
  };
  if (Object.values(files).every((f) => fs.existsSync(f))) return files;
  const db = openDatabase(path.join(dir, `source-${firms}.db`));
  db.transaction(() => {
    const rng = new Random(2011);
    const consultants = ensureGeneratedConsultants(
      db,
      rng,
      Math.max(3, Math.round(firms / 2000)),
      '2012-12-31T12:00:00Z',
    );
    generateCompanies(db, rng, { count: firms, from: '2010-01-01', to: '2012-12-31' }, consultants);
    // Closing a case takes a reason; generated closed firms get one so every row is importable.
    db.prepare(
      "UPDATE companies SET status_reason = 'Afsluttet' WHERE status = 'closed' AND status_reason IS NULL",
    ).run();
  })();
  const ctx = { locale: 'da' as const, job: NO_JOB, appVersion: 'import-memory' };
  // One sheet: the companies, as a consultant's own list would be.
  await runExport(db, { format: 'csv', path: files.csv, scope: { kind: 'all' } }, ctx);
  await runExport(db, { format: 'xlsx', path: files.xlsx, scope: { kind: 'all' }, entity: 'companies' }, ctx);
  await runExport(db, { format: 'caseload', path: files.caseload, scope: { kind: 'all' } }, ctx);
  db.close();
  return files;
}

async function main(): Promise<void> {
  if (values.child) return child(values.child);
  const only = new Set((values.only ?? '').split(','));
  const dir = values.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bindeled-import-memory-'));
  fs.mkdirSync(dir, { recursive: true });
  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
  const runs: Array<readonly [string, string]> = [['nothing (code loaded, database open)', '-']];
  if (only.has('xlsx')) {
    const hostile = path.join(dir, 'fjendtlig.xlsx');
    const atLimit = path.join(dir, 'ved-graensen.xlsx');
    const realistic = path.join(dir, 'realistisk.xlsx');
    if (!fs.existsSync(hostile)) await stringsWorkbook(hostile, 479 * 1024 * 1024);
    // The text and 4 bytes per string must stay under the limit; each string here is ~2.4 KB of XML.
    if (!fs.existsSync(atLimit)) await stringsWorkbook(atLimit, ZIP_LIMITS.maxSharedStringsBytes - 1024 * 1024);
    if (!fs.existsSync(realistic)) await realisticWorkbook(dir, realistic, Number(values.firms));
    runs.push(
      [`hostile ${path.basename(hostile)} (${mb(fs.statSync(hostile).size)})`, hostile],
      [`at the limit ${path.basename(atLimit)} (${mb(fs.statSync(atLimit).size)})`, atLimit],
      [`realistic ${path.basename(realistic)} (${mb(fs.statSync(realistic).size)})`, realistic],
    );
  }
  if (only.has('large')) {
    const files = await largeFiles(dir, Number(values.large));
    for (const file of Object.values(files))
      runs.push([`large ${path.basename(file)} (${mb(fs.statSync(file).size)})`, file]);
  }
  console.log(`Node ${process.version}, ${os.cpus().length} cores; peak RSS of a fresh process after each step\n`);
  for (const [label, file] of runs) {
    console.log(label);
    for (const s of await runChild(file)) {
      console.log(
        `  ${s.step.padEnd(8)} ${`${s.peakMb} MB`.padStart(8)} ${s.ms ? `${s.ms} ms`.padStart(9) : ''.padStart(9)}  ${s.outcome}`,
      );
    }
  }
  if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
}

await main();
