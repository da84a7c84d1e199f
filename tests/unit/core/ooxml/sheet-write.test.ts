import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { guardXlsx, xlsxRows } from '../../../../src-main/core/ooxml/sheet-read';
import { type CellValue, STYLE_DATE, XlsxWriter } from '../../../../src-main/core/ooxml/sheet-write';
import { FileStream } from '../../../../src-main/core/ooxml/zip-write';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindeled-ooxml-xlsx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const LIST_ROWS = 5000;

/** A figures sheet (bold rows, a blank row, a date) and a long list with a frozen, filtered header. */
async function writeWorkbook(file: string): Promise<void> {
  const out = new FileStream(file);
  try {
    const xlsx = await XlsxWriter.start(out, [
      { name: 'Tal', columns: [{ width: 30 }, {}], frozenHeader: false, filter: false },
      {
        name: "Firmaer's liste",
        columns: [{ width: 36 }, { width: 12, style: STYLE_DATE }, { width: 8 }],
        frozenHeader: true,
        filter: true,
      },
    ]);
    const figures = await xlsx.sheet();
    figures.row(['Programrapport'], true);
    figures.row(['Status pr.', { date: '2011-10-17' }]);
    figures.row([]);
    figures.row(['Nøgletal', 'Antal'], true);
    figures.row(['Virksomheder kontaktet', 850]);
    figures.row(['  <Smedjen & "Søn">\u0007 ', null, 1.5]);
    await figures.close();
    const list = await xlsx.sheet();
    list.row(['Virksomhed', 'Dato', 'Id'], true);
    for (let i = 1; i <= LIST_ROWS; i++) {
      const row: CellValue[] = [`Firma ${i} ÆØÅ`, i % 2 ? { date: '2011-01-01' } : null, i];
      list.row(row);
      if (i % 1000 === 0) await list.settle();
    }
    await list.close();
    await xlsx.finish();
    await out.end();
  } catch (err) {
    await out.abort();
    throw err;
  }
}

describe('the streaming sheet writer', () => {
  const file = path.join(dir, 'bog.xlsx');

  it('writes typed cells, bold rows, widths and a frozen, filtered header that exceljs reads back', async () => {
    await writeWorkbook(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tal', "Firmaer's liste"]);
    const [figures, list] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(figures.views ?? []).toEqual([]);
    expect(figures.autoFilter).toBeFalsy();
    expect([1, 2].map((c) => figures.getColumn(c).width)).toEqual([30, undefined]);
    expect([1, 2, 3, 4, 5].map((r) => figures.getRow(r).font?.bold ?? false)).toEqual([
      true,
      false,
      false,
      true,
      false,
    ]);
    expect(figures.getRow(3).cellCount).toBe(0);
    const asOf = figures.getCell('B2');
    expect(asOf.value).toEqual(new Date(Date.UTC(2011, 9, 17)));
    expect(asOf.numFmt).toBe('dd.mm.yyyy');
    expect(figures.getCell('B5').value).toBe(850);
    expect(figures.getCell('A6').value).toBe('  <Smedjen & "Søn"> ');
    expect(figures.getCell('B6').value).toBeNull();
    expect(figures.getCell('C6').value).toBe(1.5);

    expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(list.autoFilter).toBe('A1:C1');
    expect([1, 2, 3].map((c) => list.getColumn(c).width)).toEqual([36, 12, 8]);
    expect(list.getRow(1).font?.bold).toBe(true);
    expect(list.rowCount).toBe(LIST_ROWS + 1);
    const last = list.getRow(LIST_ROWS + 1);
    expect(last.getCell(1).value).toBe(`Firma ${LIST_ROWS} ÆØÅ`);
    expect(last.getCell(2).value).toBeNull();
    expect(list.getRow(LIST_ROWS).getCell(2).value).toEqual(new Date(Date.UTC(2011, 0, 1)));
    expect(last.getCell(3).value).toBe(LIST_ROWS);
  });

  it('writes a workbook the zip guard passes and Bindeled’s own reader reads as typed rows', async () => {
    const directory = await guardXlsx(file, 'bog.xlsx', new AbortController().signal);
    expect(directory.sheetNames).toEqual(['Tal', "Firmaer's liste"]);
    const rows = [];
    for await (const row of xlsxRows(file, 'Tal', 'bog.xlsx')) rows.push(row);
    expect(rows).toEqual([
      { line: 1, cells: ['Programrapport'] },
      { line: 2, cells: ['Status pr.', new Date(Date.UTC(2011, 9, 17))] },
      { line: 4, cells: ['Nøgletal', 'Antal'] },
      { line: 5, cells: ['Virksomheder kontaktet', 850] },
      { line: 6, cells: ['  <Smedjen & "Søn"> ', null, 1.5] },
    ]);
  });

  it('fails with the file system’s reason when the folder is gone, leaving no file', async () => {
    const missing = path.join(dir, 'findes-ikke', 'bog.xlsx');
    await expect(writeWorkbook(missing)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });
});
