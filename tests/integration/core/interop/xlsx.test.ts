import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany } from '../../../../src-main/core/companies/company-repo';
import { companyCreateSchema } from '../../../../src-main/core/companies/schema';
import { sanitiseText } from '../../../../src-main/core/files/sanitise-text';
import { scopeCompanyIds } from '../../../../src-main/core/interop/export-scope';
import { importInOneGo } from '../../../../src-main/core/interop/import-service';
import { NO_JOB } from '../../../../src-main/core/interop/job';
import { SHEETS } from '../../../../src-main/core/interop/sheets/company-sheets';
import { writeXlsx } from '../../../../src-main/core/interop/xlsx/xlsx-export';
import { generateCaseload } from '../../../../tools/generate/generate-caseload';
import { exportTo, freshDb, readWorkbook, seedCaseload } from '../../../helpers/interop';
import { tempDir } from '../../../helpers/temp-db';

let dir: string;
let cleanup: () => void;
let db: Database;
let xlsx: string;
let csv: string;

/**
 * Visit notes, which the workbook copies as UTF-8 bytes when they need no escaping: markup, edge
 * spaces, forbidden characters, characters whose bytes only look suspect, an empty note and one
 * larger than the writer's buffer.
 */
const NOTES = [
  'Møde om æbler på gården',
  'A & B <C> > D',
  '  kant med mellemrum ',
  'Linje 1\nLinje 2\tfane',
  'Skjult\uFFFE og\u0007 styretegn',
  '§ 12, 3½ °C og « citat »',
  'Smil 🙂 og\u00A0hårdt mellemrum\u00A0',
  '',
  'ø'.repeat(600_000),
];
/** The notes as a reader finds them: sanitised, and an empty one as no cell. */
const notesRead = NOTES.map((n) => sanitiseText(n) || null);
const visitNotes = async (file: string): Promise<unknown[]> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Besøg');
  if (!ws) throw new Error('no sheet');
  const headers = (ws.getRow(1).values as unknown[]).slice(1);
  const notes: unknown[] = [];
  ws.eachRow((r, n) => {
    if (n > 1) notes.push(r.getCell(headers.indexOf('notes') + 1).value ?? null);
  });
  return notes;
};

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('bindeled-xlsx-'));
  db = freshDb(dir, 'a.db');
  seedCaseload(db, 40);
  createCompany(
    db,
    companyCreateSchema.parse({
      name: '=HYPERLINK("http://x.example","klik")',
      cvr: '13748136',
      postcode: '8370',
      industryCode: '01.11.00',
      employees: 7,
      founded: '17.10.2011',
      ownerName: 'Åse Ødegård',
    }),
  );
  // A name that came in before any sanitiser: U+FFFE and a control character make XML invalid.
  db.prepare("UPDATE companies SET name = 'Skjult\uFFFE tegn\u0007 ApS' WHERE id = 1").run();
  const visit = db.prepare(
    `INSERT INTO visits(uuid, company_id, date, type, advice_given, notes, created_at, updated_at)
     VALUES (?, 1, '2011-10-17', 'visit', 0, ?, '2011-10-17T10:00:00Z', '2011-10-17T10:00:00Z')`,
  );
  NOTES.forEach((note, i) => {
    visit.run(`note-${i}`, note);
  });
  xlsx = (await exportTo(db, 'xlsx', path.join(dir, 'sagsstamme.xlsx'))).path;
  csv = (await exportTo(db, 'csv', path.join(dir, 'sagsstamme.csv'))).path;
});
afterAll(() => {
  db.close();
  cleanup();
});

describe('the exported workbook, read back with exceljs', () => {
  it('has one sheet per entity with a bold, frozen, filtered header row and column widths', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Virksomheder',
      'Kontaktpersoner',
      'Besøg',
      'Opfølgninger',
      'Henvisninger',
      'LAG-ansøgninger',
      'LAG-budgetlinjer',
      'Videnkontakter',
      'Netværksmedlemmer',
      'Dokumenter',
    ]);
    const ws = wb.getWorksheet('Virksomheder');
    if (!ws) throw new Error('no sheet');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getColumn(2).width).toBe(34);
    expect(ws.rowCount).toBe(42);
  });

  it('writes dates as dates, numbers as numbers, and CVR, postcodes and industry codes as text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('Virksomheder');
    if (!ws) throw new Error('no sheet');
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => headers.indexOf(name) + 1;
    let row: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(col('CVR-nr.')).value === '13748136') row = r;
    });
    if (!row) throw new Error('row not found');
    expect(row.getCell(col('Navn')).value).toBe('=HYPERLINK("http://x.example","klik")');
    expect(row.getCell(col('Navn')).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(col('Postnr.')).value).toBe('8370');
    expect(row.getCell(col('Branchekode')).value).toBe('01.11.00');
    expect(row.getCell(col('Antal ansatte')).value).toBe(7);
    expect(row.getCell(col('Stiftet')).value).toEqual(new Date(Date.UTC(2011, 9, 17)));
    expect(row.getCell(col('Stiftet')).numFmt).toBe('dd.mm.yyyy');
    expect(row.getCell(col('Ejer')).value).toBe('Åse Ødegård');
  });

  it('has a sheet of visits with the firm, typed dates and yes/no, from a whole caseload', async () => {
    const full = freshDb(dir, 'full.db');
    generateCaseload(full, { companies: 30, seed: 9 });
    const out = await exportTo(full, 'xlsx', path.join(dir, 'fuld.xlsx'));
    const visits = full.prepare('SELECT count(*) AS n FROM visits').get() as { n: number };
    expect(out.counts.visits).toBe(visits.n);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out.path);
    const ws = wb.getWorksheet('Besøg');
    if (!ws) throw new Error('no sheet');
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 4)).toEqual(['Virksomhed', 'CVR-nr.', 'uuid', 'date']);
    const row = ws.getRow(2);
    expect(typeof row.getCell(1).value).toBe('string');
    expect(row.getCell(headers.indexOf('date') + 1).value).toBeInstanceOf(Date);
    expect(['Ja', 'Nej']).toContain(row.getCell(headers.indexOf('adviceGiven') + 1).value);
    full.close();
  }, 120_000);

  it('writes visit notes as stored, sanitised, whatever their characters or size', async () => {
    const notes = await visitNotes(xlsx);
    // Compared by length first so a difference in the megabyte note does not print it whole.
    expect(notes.map((n) => (typeof n === 'string' ? n.length : n))).toEqual(
      notesRead.map((n) => (typeof n === 'string' ? n.length : n)),
    );
    expect(notes).toEqual(notesRead);
  });

  it('lists the same history rows whether every firm is exported or each one is picked', async () => {
    const full = freshDb(dir, 'every.db');
    // Enough firms for two batches of firms and two pages of visits (about three a firm).
    generateCaseload(full, { companies: 1100, seed: 4 });
    const ids = full.prepare('SELECT id FROM companies').pluck().all() as number[];
    const every = await exportTo(full, 'xlsx', path.join(dir, 'alle.xlsx'));
    const picked = await exportTo(full, 'xlsx', path.join(dir, 'valgte.xlsx'), { kind: 'companies', ids });
    expect(every.counts).toEqual(picked.counts);
    const sheetRows = async (file: string, sheet: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const rows: string[] = [];
      wb.getWorksheet(sheet)?.eachRow((r, n) => {
        if (n > 1) rows.push(JSON.stringify(r.values));
      });
      return rows;
    };
    for (const sheet of ['Besøg', 'Opfølgninger', 'Henvisninger']) {
      const all = await sheetRows(every.path, sheet);
      expect(all.length).toBeGreaterThan(0);
      expect([...all].sort()).toEqual((await sheetRows(picked.path, sheet)).sort());
    }
    full.close();
  }, 120_000);

  it('drops characters XML forbids instead of writing a file Excel cannot open', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const names: unknown[] = [];
    wb.getWorksheet('Virksomheder')?.eachRow((r) => names.push(r.getCell(2).value));
    expect(names).toContain('Skjult tegn ApS');
  });
});

describe('a large export, its rows read and written in a thread of their own', () => {
  const writeAll = (from: Database, file: string, rowThread: boolean, job = NO_JOB) => {
    const ids = scopeCompanyIds(from, { kind: 'all' });
    return writeXlsx(from, file, ids, SHEETS, {
      locale: 'da',
      job,
      progressLabel: 'export',
      everyFirm: true,
      rowThread,
    });
  };

  it('writes the same workbook as the export that reads its rows itself', async () => {
    const threaded = await writeAll(db, path.join(dir, 'traad.xlsx'), true);
    const here = await writeAll(db, path.join(dir, 'her.xlsx'), false);
    expect(threaded.counts).toEqual(here.counts);
    expect(await readWorkbook(threaded.path)).toEqual(await readWorkbook(here.path));
    expect(await visitNotes(threaded.path)).toEqual(notesRead);
  });

  it('reports progress up to every firm of every sheet, and a cancel leaves no file behind', async () => {
    const seen: Array<[number, number]> = [];
    await writeAll(db, path.join(dir, 'fremdrift.xlsx'), true, {
      signal: new AbortController().signal,
      progress: (done, total) => seen.push([done, total]),
    });
    expect(seen.at(-1)).toEqual([41 * SHEETS.length, 41 * SHEETS.length]);

    const before = fs.readdirSync(dir);
    const cancel = new AbortController();
    const stopped = writeAll(db, path.join(dir, 'afbrudt.xlsx'), true, {
      signal: cancel.signal,
      progress: () => cancel.abort(),
    });
    await expect(stopped).rejects.toMatchObject({ code: 'cancelled' });
    expect(fs.readdirSync(dir).sort()).toEqual(before.sort());
  });
});

describe('workbooks saved by other programs', () => {
  it('imports a workbook with a shared-strings table, rich text and date styles, as Excel saves it', async () => {
    const file = path.join(dir, 'excel-style.xlsx');
    const out = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
    const ws = out.addWorksheet('Ark1');
    ws.addRow(['Navn', 'CVR-nr.', 'Postnr.', 'Stiftet', 'Antal ansatte']).commit();
    const rows: Array<[unknown, string, string, Date, number]> = [
      ['Ådalens Gårdbutik & Café <Syd>', '13748136', '8370', new Date(Date.UTC(2011, 9, 17)), 7],
      [
        { richText: [{ text: 'Smedjen ' }, { font: { bold: true }, text: 'Øster' }, { text: ' ApS' }] },
        '',
        '7400',
        new Date(Date.UTC(1999, 0, 31)),
        2,
      ],
      ['Ådalens Gårdbutik & Café <Syd> II', '', '8370', new Date(Date.UTC(2020, 1, 29)), 1],
    ];
    for (const values of rows) {
      const row = ws.addRow(values);
      row.getCell(4).numFmt = 'dd-mm-yyyy';
      row.commit();
    }
    ws.commit();
    await out.commit();
    const target = freshDb(dir, 'excel-style.db');
    const result = await importInOneGo(target, file);
    expect(result.written).toBe(true);
    expect(target.prepare('SELECT name, cvr, postcode, founded, employees FROM companies ORDER BY name').all()).toEqual(
      [
        { name: 'Smedjen Øster ApS', cvr: null, postcode: '7400', founded: '1999-01-31', employees: 2 },
        {
          name: 'Ådalens Gårdbutik & Café <Syd>',
          cvr: '13748136',
          postcode: '8370',
          founded: '2011-10-17',
          employees: 7,
        },
        { name: 'Ådalens Gårdbutik & Café <Syd> II', cvr: null, postcode: '8370', founded: '2020-02-29', employees: 1 },
      ],
    );
    target.close();
  });
});

const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();

describe('the exported files in LibreOffice', () => {
  if (!soffice) {
    it.skip('needs LibreOffice (soffice), which is not installed here', () => {});
    console.log('[interop-xlsx] LibreOffice (soffice) not found: skipping the LibreOffice checks');
    return;
  }
  const convert = (file: string, to: string, infilter?: string) => {
    const profile = `file://${path.join(dir, 'lo-profile')}`;
    const args = [
      `-env:UserInstallation=${profile}`,
      '--headless',
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      to,
      '--outdir',
      path.join(dir, 'lo'),
      file,
    ];
    execFileSync(soffice, args, { stdio: 'pipe', timeout: 120_000 });
    return path.join(dir, 'lo', `${path.basename(file, path.extname(file))}.${to.split(':')[0]}`);
  };

  it('opens the workbook and reads the same names back (xlsx → csv)', () => {
    const out = convert(xlsx, 'csv:Text - txt - csv (StarCalc):59,34,76,1');
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('Åse Ødegård');
    expect(text).toContain('Skjult tegn ApS');
    // A text cell stays text: no formula was run, the name is there as written.
    expect(text).toContain('=HYPERLINK(""http://x.example"",""klik"")');
  }, 180_000);

  it("reads our own writer's dates as dates and numbers as numbers (xlsx → csv)", () => {
    const out = convert(xlsx, 'csv:Text - txt - csv (StarCalc):59,34,76,1');
    const line = fs
      .readFileSync(out, 'utf8')
      .split('\n')
      .find((l) => l.includes('13748136'));
    // LibreOffice quotes text cells only: the industry code and postcode come out as the text they
    // are, the employee count as a number, the founding date in the sheet's dd.mm.yyyy format (as
    // text it would read 2011-10-17) and the timestamps as dates with a time of day.
    expect(line).toContain(';"01.11.00";7;17.10.2011;');
    expect(line).toContain(';"8370";');
    expect(line).toMatch(/;\d{2}\.\d{2}\.\d{4} \d{2}:\d{2};\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
  }, 180_000);

  it('keeps a neutralised CSV cell as text, not as a live formula (csv → xlsx)', async () => {
    const out = convert(csv, 'xlsx', 'CSV:59,34,76,1');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cells: unknown[] = [];
    wb.worksheets[0]?.eachRow((r) => cells.push(r.getCell(2).value));
    expect(cells).toContain(`'=HYPERLINK("http://x.example","klik")`);
    expect(cells.some((c) => typeof c === 'object' && c !== null && 'formula' in c)).toBe(false);
  }, 180_000);

  it('imports the workbook again after LibreOffice saved it (shared strings, its own styles)', async () => {
    const out = convert(xlsx, 'xlsx:Calc MS Excel 2007 XML');
    const target = freshDb(dir, 'lo-roundtrip.db');
    const result = await importInOneGo(target, out);
    expect(result.written).toBe(true);
    const firms = (d: Database) =>
      (d.prepare('SELECT name, cvr, founded FROM companies').all() as Array<{ name: string }>)
        .map((r) => JSON.stringify({ ...r, name: sanitiseText(r.name) }))
        .sort();
    // The one name stored with control characters (beforeAll) comes back without them.
    expect(firms(target)).toEqual(firms(db));
    target.close();
  }, 180_000);

  it('reads the visit notes as written (xlsx → xlsx)', async () => {
    const out = convert(xlsx, 'xlsx:Calc MS Excel 2007 XML');
    // A cell holds at most 32,767 characters in Calc, as in Excel: the longest note is cut there.
    const cut = (n: unknown) => (typeof n === 'string' ? n.slice(0, 32_767) : n);
    expect((await visitNotes(out)).map(cut)).toEqual(notesRead.map(cut));
  }, 180_000);

  it('renders the workbook to PDF', () => {
    const out = convert(xlsx, 'pdf');
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);
});
