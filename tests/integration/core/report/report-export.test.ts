import fs from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { ReportExportResult } from '../../../../src-main/api/contract';
import { xlsxRows } from '../../../../src-main/core/ooxml/sheet-read';
import { barChartPng } from '../../../../src-main/core/report/bar-chart-png';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

const PERIOD = { from: '2010-10-01', to: '2011-10-17', asOf: '2011-10-17' };

function unzip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

let store: TestStore;
beforeAll(async () => {
  store = openTestStore();
  await store.call('demo.create', {});
  // A name with a character XML forbids: the sanitiser must keep the file readable.
  store.db
    .prepare("UPDATE companies SET name = 'Bad\u0001 navn ApS' WHERE id = (SELECT min(company_id) FROM visits)")
    .run();
});
afterAll(() => store.close());

describe('report exports', () => {
  it('writes a workbook with typed figures and one sheet per list, recorded as written', async () => {
    const target = path.join(store.dir, 'rapport.xlsx');
    const r = (await store.call('report.exportXlsx', { ...PERIOD, path: target })) as ReportExportResult;
    expect(r.path).toBe(path.resolve(target));
    expect(fs.readdirSync(store.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Nøgletal',
      'Kontaktet',
      'Henvist',
      'Tilskud',
      'LAG',
      'Videnskontakter',
      'Netværksmedlemmer',
    ]);
    const figures = wb.getWorksheet('Nøgletal');
    const values = new Map<string, unknown>();
    figures?.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('Virksomheder kontaktet')).toBe(850);
    expect(values.get('Heraf tilskud bevilget')).toBe(10);
    expect(values.get('Netværk etableret')).toBe(12);
    expect(wb.getWorksheet('Henvist')?.rowCount).toBe(82);
    expect(wb.getWorksheet('Kontaktet')?.rowCount).toBe(851);
    const first = wb.getWorksheet('Kontaktet')?.getRow(2);
    expect(first?.getCell(7).value).toBeInstanceOf(Date);
    expect(typeof first?.getCell(8).value).toBe('number');
    const names: string[] = [];
    wb.getWorksheet('Kontaktet')?.eachRow((row) => names.push(String(row.getCell(1).value)));
    expect(names).toContain('Bad navn ApS');
    expect(store.db.prepare('SELECT kind FROM written_files WHERE path = ?').pluck().get(r.path)).toBe('report-xlsx');
  });

  it('is read back with typed cells, bold headers, widths and frozen header rows', async () => {
    const target = path.join(store.dir, 'rapport-typer.xlsx');
    await store.call('report.exportXlsx', { ...PERIOD, path: target });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    const figures = wb.getWorksheet('Nøgletal');
    if (!figures) throw new Error('no figures sheet');
    expect(figures.views ?? []).toEqual([]);
    expect(figures.getColumn(1).width).toBe(48);
    expect(figures.getColumn(7).width).toBe(16);
    const bold: string[] = [];
    figures.eachRow((row) => {
      if (row.getCell(1).font?.bold) bold.push(String(row.getCell(1).value));
    });
    expect(bold).toEqual([
      'Programrapport',
      'Nøgletal',
      'Datakvalitet',
      'Kommune',
      'Konsulent',
      'Branche',
      'Størrelse',
    ]);
    const asOf = figures.getCell('B3');
    expect(asOf.value).toEqual(new Date(Date.UTC(2011, 9, 17)));
    expect(asOf.numFmt).toBe('dd.mm.yyyy');
    figures.eachRow((row, n) => {
      // Below the period lines, every figure and breakdown value is a number.
      if (n > 3 && !row.getCell(1).font?.bold) expect(typeof row.getCell(2).value).toBe('number');
    });
    for (const name of ['Kontaktet', 'Henvist', 'Tilskud', 'LAG', 'Videnskontakter', 'Netværksmedlemmer']) {
      const list = wb.getWorksheet(name);
      if (!list) throw new Error(`no sheet ${name}`);
      expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(list.getRow(1).font?.bold).toBe(true);
      expect(list.getRow(1).values).toEqual([
        undefined,
        'Virksomhed',
        'CVR',
        'Kommune',
        'Konsulent',
        'Branchekode',
        'Ansatte',
        'Dato',
        'Id',
      ]);
      expect([1, 2, 3, 4, 5, 7, 8].map((c) => list.getColumn(c).width)).toEqual([36, 10, 18, 22, 12, 12, 8]);
      list.eachRow((row, n) => {
        if (n === 1) return;
        expect(typeof row.getCell(1).value).toBe('string');
        expect(['number', 'object']).toContain(typeof row.getCell(6).value);
        const date = row.getCell(7);
        if (date.value !== null) {
          expect(date.value).toBeInstanceOf(Date);
          expect(date.numFmt).toBe('dd.mm.yyyy');
        }
        expect(typeof row.getCell(8).value).toBe('number');
      });
    }
    // Bindeled's own reader (the import's) sees the same types.
    const rows = [];
    for await (const row of xlsxRows(target, 'Henvist', 'rapport-typer.xlsx')) rows.push(row.cells);
    expect(rows).toHaveLength(82);
    expect(rows[1]?.[6]).toBeInstanceOf(Date);
    expect(typeof rows[1]?.[7]).toBe('number');
  });

  it('writes a Word report with the figures in Danish prose, tables and a chart image', async () => {
    const target = path.join(store.dir, 'rapport.docx');
    const r = (await store.call('report.exportDocx', { ...PERIOD, path: target })) as ReportExportResult;
    const files = await unzip(r.path);
    const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('har programmet været i individuel kontakt med 850 virksomheder');
    expect(text).toContain(
      '81 virksomheder er henvist til Væksthus/erhvervshus, og heraf havde 10 pr. 17. oktober 2011',
    );
    expect(text).toContain('62 virksomheder har fået hjælp til at søge LAG-midler, 118 er sat i kontakt');
    expect(text).toContain('etableret 12 erhvervsnetværk');
    expect(xml).toContain('<w:tbl>');
    const png = [...files.entries()].find(([name]) => name.startsWith('word/media/'))?.[1];
    expect(png?.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(store.db.prepare('SELECT kind FROM written_files WHERE path = ?').pluck().get(r.path)).toBe('report-docx');
  });

  it('refuses a folder that does not exist with a message, not a crash', async () => {
    const r = await store.dispatch('report.exportDocx', { ...PERIOD, path: path.join(store.dir, 'nope', 'r.docx') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('kunne ikke gemmes');
  });

  it('refuses a workbook into a folder that does not exist with a message, leaving nothing behind', async () => {
    const r = await store.dispatch('report.exportXlsx', { ...PERIOD, path: path.join(store.dir, 'nope', 'r.xlsx') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('kunne ikke gemmes');
    expect(store.db.prepare('SELECT count(*) FROM file_writes').pluck().get()).toBe(0);
  });
});

describe('the chart image', () => {
  it('is a PNG whose bars are as tall as their values', () => {
    const png = barChartPng(
      [
        { value: 100, colour: [255, 0, 0] },
        { value: 50, colour: [0, 0, 255] },
      ],
      200,
      120,
    );
    expect(png.readUInt32BE(16)).toBe(200);
    expect(png.readUInt32BE(20)).toBe(120);
    const idatLength = png.readUInt32BE(33);
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    const column = (x: number, colour: number[]) => {
      let n = 0;
      for (let y = 0; y < 120; y++) {
        const i = y * (200 * 3 + 1) + 1 + x * 3;
        if (raw[i] === colour[0] && raw[i + 1] === colour[1] && raw[i + 2] === colour[2]) n++;
      }
      return n;
    };
    const red = column(50, [255, 0, 0]);
    const blue = column(150, [0, 0, 255]);
    expect(red).toBe(80);
    expect(blue).toBe(40);
  });
});
