import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../src-main/api/contract';
import { runImport } from '../../../src-main/core/interop/import-service';
import type {
  ExportResult,
  ImportInspection,
  ImportReport,
  ImportResult,
  InteropFormats,
} from '../../../src-main/core/interop/interop-schema';
import { importOptionsSchema } from '../../../src-main/core/interop/interop-schema';
import { NO_JOB } from '../../../src-main/core/interop/job';
import { seedCaseload } from '../../helpers/interop';
import { openTestStore, type TestStore } from '../../helpers/temp-db';

let store: TestStore;
const events: JobProgress[] = [];
let onEvent: (e: JobProgress) => void = () => {};
function open(): TestStore {
  store = openTestStore({
    emit: (e) => {
      events.push(e);
      onEvent(e);
    },
  });
  return store;
}
afterEach(() => {
  store.close();
  events.length = 0;
  onEvent = () => {};
});
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function writeCsv(name: string, lines: string[]): string {
  const file = path.join(store.dir, name);
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

function bigCsv(name: string, rows: number): string {
  return writeCsv(name, ['Navn;Postnr.', ...Array.from({ length: rows }, (_, i) => `Firma ${i};8000`)]);
}

describe('the import wizard, step by step', () => {
  it('offers formats, fields and entities in the user’s language', async () => {
    open();
    const f = (await store.call('interop.formats')) as InteropFormats;
    expect(f.formats.map((x) => x.id)).toEqual(['caseload', 'csv', 'xlsx', 'cvr']);
    expect(f.fields.find((x) => x.field === 'cvr')?.label).toBe('CVR-nr.');
    expect(f.entities.find((e) => e.key === 'contacts')).toEqual({
      key: 'contacts',
      label: 'Kontaktpersoner',
      formats: ['caseload', 'csv', 'xlsx'],
    });
  });

  it('detect → map → preview → confirm: nothing is written before the confirm, then all of it', async () => {
    open();
    const file = writeCsv('kunder.csv', [
      'Firma;Nummer;Sted',
      'Ådalens Gårdbutik;13748136;Hadsten',
      'Søholm Smedje;24256790;Herning',
    ]);
    const ins = (await store.call('interop.inspect', { path: file })) as ImportInspection;
    expect(ins).toMatchObject({ format: 'csv', headers: ['Firma', 'Nummer', 'Sted'], mapping: ['name', null, null] });
    expect(ins.sample).toEqual([
      ['Ådalens Gårdbutik', '13748136', 'Hadsten'],
      ['Søholm Smedje', '24256790', 'Herning'],
    ]);
    const options = { mapping: ['name', 'cvr', 'city'] };
    const report = (await store.call('interop.preview', { path: file, options })) as ImportReport;
    expect(report).toMatchObject({ clean: true, totals: { add: 2 }, fingerprint: sha(file) });
    expect(report.preview.map((r) => [r.line, r.action, r.name, r.cvr])).toEqual([
      [2, 'add', 'Ådalens Gårdbutik', '13748136'],
      [3, 'add', 'Søholm Smedje', '24256790'],
    ]);
    expect(store.db.prepare('SELECT count(*) AS n FROM companies').get()).toEqual({ n: 0 });

    const result = (await store.call('interop.import', {
      path: file,
      options,
      fingerprint: report.fingerprint,
    })) as ImportResult;
    expect(result).toMatchObject({ written: true, totals: { add: 2 } });
    expect(store.db.prepare('SELECT name, cvr, city FROM companies ORDER BY id').all()).toEqual([
      { name: 'Ådalens Gårdbutik', cvr: '13748136', city: 'Hadsten' },
      { name: 'Søholm Smedje', cvr: '24256790', city: 'Herning' },
    ]);
    const history = (await store.call('interop.history', {})) as Array<{ fileName: string; added: number }>;
    expect(history[0]).toMatchObject({ fileName: 'kunder.csv', added: 2 });
    const audit = store.db.prepare("SELECT action, reason FROM audit_log WHERE entity = 'company'").all();
    expect(audit).toEqual([
      { action: 'create', reason: 'Importeret fra kunder.csv' },
      { action: 'create', reason: 'Importeret fra kunder.csv' },
    ]);
  });

  it('backs the caseload up before an import writes, and not when nothing is written', async () => {
    open();
    const backups = () => {
      const dir = path.join(store.dir, 'backups');
      return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('-before-import.db')) : [];
    };
    const bad = writeCsv('fejl.csv', ['Navn;CVR-nr.', 'A ApS;24256791']);
    expect(((await store.call('interop.import', { path: bad, fingerprint: sha(bad) })) as ImportResult).written).toBe(
      false,
    );
    expect(backups()).toEqual([]);
    const good = writeCsv('god.csv', ['Navn;CVR-nr.', 'A ApS;13748136']);
    await store.call('interop.import', { path: good, fingerprint: sha(good) });
    expect(backups()).toHaveLength(1);
  });

  it('remembers the mapping for the next file with the same headers', async () => {
    open();
    const first = writeCsv('jan.csv', ['Firma;Nummer;Sted', 'A ApS;13748136;Hadsten']);
    const options = { mapping: ['name', 'cvr', 'city'] };
    await store.call('interop.import', { path: first, options, fingerprint: sha(first) });
    const second = writeCsv('feb.csv', ['firma ; NUMMER ; sted', 'B ApS;24256790;Herning']);
    const ins = (await store.call('interop.inspect', { path: second })) as ImportInspection;
    expect(ins).toMatchObject({ mappingSource: 'remembered', mapping: ['name', 'cvr', 'city'] });
  });

  it('updates companies matched by CVR, shows what changes, and leaves unchanged rows alone', async () => {
    open();
    await store.call('companies.create', { name: 'Ådalens Gårdbutik', cvr: '13748136', city: 'Hadsten', employees: 2 });
    const file = writeCsv('opdatering.csv', [
      'Navn;CVR-nr.;By;Antal ansatte',
      'Ådalens Gårdbutik;13748136;Hadsten;5',
      'Ny ApS;24256790;Skive;1',
    ]);
    const report = (await store.call('interop.preview', { path: file })) as ImportReport;
    expect(report.totals).toMatchObject({ add: 1, update: 1 });
    expect(report.preview[0]).toMatchObject({ action: 'update', changes: ['employees'] });
    await store.call('interop.import', { path: file, fingerprint: report.fingerprint });
    const again = (await store.call('interop.preview', { path: file })) as ImportReport;
    expect(again.totals).toMatchObject({ add: 0, update: 0, unchanged: 2 });
  });

  it('reports progress and can be cancelled; a cancelled import writes nothing', async () => {
    open();
    const file = bigCsv('stor.csv', 12_000);
    onEvent = (e) => {
      if (e.jobId === 'imp-1') void store.dispatch('jobs.cancel', { jobId: 'imp-1' });
    };
    const r = await store.dispatch('interop.import', { path: file, fingerprint: sha(file) }, { jobId: 'imp-1' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'cancelled', message: 'Afbrudt' });
    expect(events.filter((e) => e.jobId === 'imp-1').length).toBeGreaterThan(0);
    expect(store.db.prepare('SELECT count(*) AS n FROM companies').get()).toEqual({ n: 0 });
    expect(store.db.prepare('SELECT count(*) AS n FROM import_runs').get()).toEqual({ n: 0 });

    onEvent = () => {};
    const ok = await store.dispatch('interop.import', { path: file, fingerprint: sha(file) }, { jobId: 'imp-2' });
    expect(ok.ok).toBe(true);
    const progress = events.filter((e) => e.jobId === 'imp-2');
    expect(progress.at(-1)).toMatchObject({ method: 'interop.import', message: 'Gemmer' });
    expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total);
  });
});

describe('an import right after its preview', () => {
  const checking = (jobId: string) => events.filter((e) => e.jobId === jobId && e.message === 'Kontrollerer rækker');
  async function asJob<T>(method: string, input: unknown, jobId: string): Promise<T> {
    const r = await store.dispatch(method, input, { jobId });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  }

  it('writes the rows the preview checked without checking the file again', async () => {
    open();
    const file = bigCsv('stor.csv', 3000);
    const report = await asJob<ImportReport>('interop.preview', { path: file }, 'pre');
    expect(checking('pre').length).toBeGreaterThan(0);
    const result = await asJob<ImportResult>('interop.import', { path: file, fingerprint: report.fingerprint }, 'imp');
    expect(checking('imp')).toEqual([]);
    expect(result).toMatchObject({ written: true, totals: report.totals, preview: report.preview });
    expect(store.db.prepare('SELECT count(*) AS n FROM companies').get()).toEqual({ n: 3000 });
  });

  it('checks the file again when the caseload changed after the preview, and reports what it then did', async () => {
    open();
    const file = writeCsv('to.csv', ['Navn;CVR-nr.', 'Ådalens Gårdbutik;13748136', 'Ny ApS;24256790']);
    const report = (await store.call('interop.preview', { path: file })) as ImportReport;
    expect(report.totals).toMatchObject({ add: 2, update: 0 });
    await store.call('companies.create', { name: 'Ådalens Gårdbutik', cvr: '13748136', city: 'Hadsten' });
    const result = await asJob<ImportResult>('interop.import', { path: file, fingerprint: report.fingerprint }, 'imp');
    expect(checking('imp').length).toBeGreaterThan(0);
    expect(result).toMatchObject({ written: true, totals: { add: 1, unchanged: 1 } });
    expect(store.db.prepare('SELECT count(*) AS n FROM companies').get()).toEqual({ n: 2 });
  });

  it('writes a caseload file its preview checked without reading it again, and checks it again after a change', async () => {
    const source = openTestStore();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindeled-sag-'));
    const file = path.join(dir, 'sag.bindeled.json');
    try {
      seedCaseload(source.db, 300);
      await source.call('interop.export', { format: 'caseload', path: file, scope: { kind: 'all' } });
    } finally {
      source.close();
    }
    for (const changed of [false, true]) {
      open();
      const report = await asJob<ImportReport>('interop.preview', { path: file }, 'pre');
      expect(report.totals.add).toBeGreaterThan(300);
      if (changed) await store.call('companies.create', { name: 'Gemt imens ApS' });
      const result = await asJob<ImportResult>(
        'interop.import',
        { path: file, fingerprint: report.fingerprint },
        'imp',
      );
      expect(checking('imp').length > 0).toBe(changed);
      expect(result).toMatchObject({ written: true, totals: report.totals });
      expect(store.db.prepare('SELECT count(*) AS n FROM companies').get()).toEqual({ n: changed ? 301 : 300 });
      store.close();
      events.length = 0;
    }
    fs.rmSync(dir, { recursive: true, force: true });
    open();
  });

  it('stops, writing nothing, when a firm of the file is stored between the check and the write', async () => {
    open();
    const file = writeCsv('tre.csv', ['Navn;CVR-nr.', 'A ApS;13748136', 'Ny ApS;24256790']);
    const r = await runImport(
      store.db,
      { path: file, options: importOptionsSchema.parse({}), fingerprint: sha(file), onInvalid: 'abort' },
      {
        locale: 'da',
        job: NO_JOB,
        issueLimit: 100,
        // The app makes its backup here; another window could store a firm meanwhile.
        beforeWrite: async () => store.call('companies.create', { name: 'Ny ApS', cvr: '24256790' }),
      },
    ).catch((err: unknown) => err);
    expect(r).toMatchObject({ key: 'import.dbChanged', params: { line: 3 } });
    expect(store.db.prepare('SELECT name FROM companies').all()).toEqual([{ name: 'Ny ApS' }]);
    expect(store.db.prepare('SELECT count(*) AS n FROM import_runs').get()).toEqual({ n: 0 });
  });
});

describe('export', () => {
  const exportTo = (input: Record<string, unknown>) => store.call('interop.export', input) as Promise<ExportResult>;

  it('writes the caseload table as filtered and sorted, records the file and logs the export', async () => {
    open();
    seedCaseload(store.db, 200);
    const target = path.join(store.dir, 'aarhus.csv');
    const result = await exportTo({
      format: 'csv',
      path: target,
      scope: { kind: 'query', filters: { kommune: [751] }, sort: [{ column: 'employees', desc: true }] },
    });
    const expected = store.db
      .prepare('SELECT uuid FROM companies WHERE kommune_code = 751 ORDER BY employees IS NULL, employees DESC, id')
      .all()
      .map((r) => (r as { uuid: string }).uuid);
    const lines = fs.readFileSync(target, 'utf8').split('\r\n').filter(Boolean);
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(expected);
    expect(result.counts).toEqual({ companies: expected.length });
    expect(store.db.prepare('SELECT kind FROM written_files WHERE path = ?').get(target)).toEqual({
      kind: 'export-csv',
    });
    expect(store.db.prepare("SELECT action, method FROM access_log WHERE method = 'interop.export'").all()).toEqual([
      { action: 'export', method: 'interop.export' },
    ]);
  });

  it('adds the extension, refuses relative paths and missing folders', async () => {
    open();
    seedCaseload(store.db, 5);
    const r = await exportTo({ format: 'xlsx', path: path.join(store.dir, 'liste') });
    expect(r.path).toBe(path.join(store.dir, 'liste.xlsx'));
    for (const bad of ['liste.csv', path.join(store.dir, 'nope', 'liste.csv'), `${store.dir}/../x.csv`]) {
      const res = await store.dispatch('interop.export', { format: 'csv', path: bad });
      expect(res.ok).toBe(false);
    }
  });

  it('can be cancelled, leaving neither the file nor a temporary file behind', async () => {
    open();
    seedCaseload(store.db, 3000);
    const target = path.join(store.dir, 'alt.xlsx');
    onEvent = (e) => {
      if (e.jobId === 'exp-1') void store.dispatch('jobs.cancel', { jobId: 'exp-1' });
    };
    const r = await store.dispatch('interop.export', { format: 'xlsx', path: target }, { jobId: 'exp-1' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('cancelled');
    expect(fs.readdirSync(store.dir).filter((f) => f.includes('alt'))).toEqual([]);
  });

  it('keeps an existing file untouched until the new one is complete', async () => {
    open();
    seedCaseload(store.db, 50);
    const target = path.join(store.dir, 'liste.csv');
    fs.writeFileSync(target, 'gammel');
    onEvent = (e) => {
      if (e.jobId === 'exp-2') void store.dispatch('jobs.cancel', { jobId: 'exp-2' });
    };
    await store.dispatch('interop.export', { format: 'csv', path: target }, { jobId: 'exp-2' });
    expect(fs.readFileSync(target, 'utf8')).toBe('gammel');
    onEvent = () => {};
    await exportTo({ format: 'csv', path: target });
    expect(fs.readFileSync(target, 'utf8').startsWith('\uFEFFId;Navn')).toBe(true);
  });
});
