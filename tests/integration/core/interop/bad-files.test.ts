import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportInspection, ImportReport, ImportResult } from '../../../../src-main/core/interop/interop-schema';
import { seedCase } from '../../../helpers/documents-fixtures';
import { exportTo, nestDeep } from '../../../helpers/interop';
import { packPart, sharedStringsXml, writeZip, xlsxParts } from '../../../helpers/interop-zip';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

const FIXTURES = path.resolve(__dirname, '../../../fixtures/import');
const fixture = (name: string) => path.join(FIXTURES, name);

let store: TestStore;
beforeEach(() => {
  store = openTestStore();
});
afterEach(() => store.close());

/** Everything an import could change, as one hash: "the database is unchanged" means this is equal. */
function snapshot(): string {
  const h = createHash('sha256');
  for (const t of [
    'companies',
    'contacts',
    'consultants',
    'organisations',
    'audit_log',
    'import_runs',
    'import_mappings',
  ]) {
    h.update(JSON.stringify(store.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
  }
  return h.digest('hex');
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const inspect = (file: string) => store.call('interop.inspect', { path: file }) as Promise<ImportInspection>;
const preview = (file: string, options = {}) =>
  store.call('interop.preview', { path: file, options }) as Promise<ImportReport>;
const importFile = (file: string, options = {}, onInvalid = 'abort') =>
  store.call('interop.import', { path: file, options, fingerprint: sha(file), onInvalid }) as Promise<ImportResult>;

async function refusal(method: string, input: unknown): Promise<string> {
  const r = await store.dispatch(method, input);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error.message;
}

describe("Excel's own CSV files", () => {
  it('reads a Danish Excel export: Windows-1252 with æøå € and “ ”, semicolons, dd-mm-yyyy, empty formatted rows', async () => {
    const file = fixture('excel-da-windows1252.csv');
    const ins = await inspect(file);
    expect(ins).toMatchObject({ format: 'csv', encoding: 'windows-1252', separator: ';', mappingSource: 'guessed' });
    expect(ins.mapping).toEqual([
      'name',
      'cvr',
      'address',
      'postcode',
      'city',
      'kommune',
      'industryCode',
      'employees',
      'founded',
      'email',
      'phone',
      'ownerName',
      null,
    ]);
    const result = await importFile(file);
    expect(result).toMatchObject({ written: true, rows: 3, totals: { add: 3, invalid: 0 } });
    const rows = store.db
      .prepare('SELECT name, cvr, city, kommune_code, industry_code, employees, founded FROM companies ORDER BY id')
      .all();
    expect(rows).toEqual([
      {
        name: 'Ådalens Gårdbutik',
        cvr: '13748136',
        city: 'Hadsten',
        kommune_code: 710,
        industry_code: '471100',
        employees: 3,
        founded: '2009-04-01',
      },
      {
        name: 'Søholm Smedje ApS',
        cvr: '24256790',
        city: 'Herning',
        kommune_code: 657,
        industry_code: '256200',
        employees: 1200,
        founded: '2011-10-17',
      },
      {
        name: 'Idé: mobilt bageri',
        cvr: null,
        city: 'Silkeborg',
        kommune_code: 740,
        industry_code: null,
        employees: 0,
        founded: null,
      },
    ]);
    expect(store.db.prepare('SELECT name FROM contacts WHERE is_owner = 1 ORDER BY id').all()).toEqual([
      { name: 'Mette Jensen' },
      { name: 'Jørgen Sørensen' },
      { name: 'Åse Øster' },
    ]);
  });

  it('reads an English Excel export: UTF-8 with BOM, commas, month-first dates, quoted thousands', async () => {
    const file = fixture('excel-en-utf8-bom.csv');
    const ins = await inspect(file);
    expect(ins).toMatchObject({ encoding: 'utf-8', separator: ',', dateOrder: 'mdy' });
    expect(ins.headers[0]).toBe('Company Name');
    const result = await importFile(file);
    expect(result.written).toBe(true);
    expect(result.warnings.join(' ')).toContain('måned/dag/år');
    expect(store.db.prepare('SELECT name, employees, founded FROM companies ORDER BY id').all()).toEqual([
      { name: 'Hillside Farm Shop', employees: 3, founded: '2011-10-17' },
      { name: 'Smith & Sons, Ltd', employees: 1200, founded: '2005-03-30' },
    ]);
  });

  it('reads quoted ; and line breaks, skips empty lines, a repeated header row and the summary row, and says so', async () => {
    const file = fixture('quoted-breaks-summary.csv');
    const ins = await inspect(file);
    expect(ins.mapping).toEqual(['name', 'cvr', 'city', null, null]);
    expect(ins.warnings.join(' ')).toMatch(/"Navn" findes flere gange \(kolonne A, E\)/);
    const report = await preview(file);
    expect(report.totals).toMatchObject({ add: 2, invalid: 0, skipped: 2 });
    expect(report.skipped).toEqual([
      { line: 5, reason: 'Overskriftsrækken gentaget; sprunget over' },
      { line: 9, reason: 'Sumrække; sprunget over' },
    ]);
    await importFile(file);
    expect(store.db.prepare('SELECT name FROM companies ORDER BY id').all()).toEqual([
      { name: 'Bager Hansen; Brød & Kager' },
      { name: 'Smeden "Jens"' },
    ]);
  });
});

describe('rows with mistakes', () => {
  it('lists every invalid row with its line, column, value and reason, and writes nothing', async () => {
    const before = snapshot();
    const file = fixture('invalid-rows.csv');
    const result = await importFile(file);
    expect(result.written).toBe(false);
    expect(result.totals).toMatchObject({ add: 1, invalid: 8, duplicate: 1 });
    const byLine = result.issues.map((i) => `${i.line} ${i.column ?? i.field}: ${i.message}`);
    expect(byLine).toEqual([
      '3 CVR-nr.: CVR-nummeret 24256791 findes ikke (kontrolcifferet passer ikke)',
      '4 Postnr.: Postnummeret skal have 4 cifre',
      '5 Kommune: Ukendt kommune: København',
      '6 E-mail: E-mailadressen er ikke gyldig',
      '7 Stiftet: Datoen må ikke ligge i fremtiden',
      '8 CVR-nr.: CVR-nummeret 13748136 står også i linje 2',
      '9 Antal ansatte: Antal ansatte skal være et helt tal fra 0 til 100.000',
      '10 Navn: Skal udfyldes',
      '11 Status: Ukendt status: Sovende',
    ]);
    expect(result.issues[0]).toMatchObject({
      line: 3,
      kind: 'invalid',
      field: 'cvr',
      column: 'CVR-nr.',
      value: '24256791',
    });
    expect(snapshot()).toBe(before);
  });

  it('imports the good rows only when asked to skip the bad ones, in one go', async () => {
    const result = await importFile(fixture('invalid-rows.csv'), {}, 'skip');
    expect(result.written).toBe(true);
    expect(store.db.prepare('SELECT name FROM companies').all()).toEqual([{ name: 'God ApS' }]);
    const runs = (await store.call('interop.history', {})) as Array<{ added: number; skipped: number }>;
    expect(runs[0]).toMatchObject({ added: 1, skipped: 9 });
  });

  it('reports a cut-off last row as cut off', async () => {
    const report = await preview(fixture('truncated.csv'));
    expect(report.totals).toMatchObject({ add: 1, invalid: 1 });
    expect(report.issues[0]).toMatchObject({
      line: 3,
      message: 'Rækken slutter efter 3 af 4 felter. Filen er måske afkortet.',
    });
  });
});

describe('files that must be refused as a whole', () => {
  it('refuses an unclosed quote, naming the file and the line, and writes nothing', async () => {
    const before = snapshot();
    const file = fixture('unclosed-quote.csv');
    expect(await refusal('interop.preview', { path: file })).toBe(
      'Filen unclosed-quote.csv har et citationstegn (") i linje 3, som aldrig lukkes. Resten af filen kan ikke læses sikkert, så intet er importeret. Ret linjen, og prøv igen.',
    );
    expect(await refusal('interop.import', { path: file, fingerprint: sha(file) })).toContain('linje 3');
    expect(snapshot()).toBe(before);
  });

  it('reads a .xlsx that is really CSV as CSV, and says so', async () => {
    const file = fixture('really-csv.xlsx');
    const ins = await inspect(file);
    expect(ins.format).toBe('csv');
    expect(ins.warnings[0]).toContain('er en tekstfil (CSV)');
    expect((await importFile(file)).written).toBe(true);
  });

  it('refuses a zip that is not a workbook, and an old .xls', async () => {
    const zip = path.join(store.dir, 'rapport.xlsx');
    writeZip(zip, [
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
      { name: 'readme.txt', data: Buffer.from('hej') },
    ]);
    expect(await refusal('interop.inspect', { path: zip })).toBe(
      'Filen rapport.xlsx er en zip-fil, men ikke et Excel-regneark (.xlsx).',
    );
    const xls = path.join(store.dir, 'gammel.xls');
    fs.writeFileSync(
      xls,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
    );
    expect(await refusal('interop.inspect', { path: xls })).toContain('gamle Excel-format (.xls)');
  });

  it('refuses a cut-off .xlsx', async () => {
    const good = path.join(store.dir, 'hel.xlsx');
    writeZip(
      good,
      xlsxParts(
        Buffer.from(
          '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Navn</t></is></c></row></sheetData></worksheet>',
        ),
      ),
    );
    const cut = path.join(store.dir, 'afkortet.xlsx');
    fs.writeFileSync(cut, fs.readFileSync(good).subarray(0, 300));
    expect(await refusal('interop.inspect', { path: cut })).toMatch(
      /^Filen afkortet.xlsx er beskadiget eller ufuldstændig/,
    );
  });

  it('refuses a crafted zip bomb from its directory, before any XML is parsed', async () => {
    const before = snapshot();
    const bomb = path.join(store.dir, 'bombe.xlsx');
    // 256 MB of one repeated byte deflates to about 250 KB: the directory says so, honestly.
    writeZip(bomb, xlsxParts(Buffer.alloc(256 * 1024 * 1024, 0x20)));
    expect(fs.statSync(bomb).size).toBeLessThan(400 * 1024);
    const used = process.memoryUsage().rss;
    expect(await refusal('interop.preview', { path: bomb })).toContain('mulig zip-bombe');
    expect(process.memoryUsage().rss - used).toBeLessThan(64 * 1024 * 1024);
    expect(snapshot()).toBe(before);
  });

  it('refuses 479 MB of shared strings packed into 2 MB from the directory, naming the file and the part', async () => {
    const before = snapshot();
    const file = path.join(store.dir, 'tekster.xlsx');
    const sheet = Buffer.from(
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Navn</t></is></c></row>' +
        '<row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>',
    );
    const strings = await packPart(sharedStringsXml(479 * 1024 * 1024));
    writeZip(file, [...xlsxParts(sheet), { name: 'xl/sharedStrings.xml', data: Buffer.alloc(0), packed: strings }]);
    expect(fs.statSync(file).size).toBeLessThan(5 * 1024 * 1024);
    const used = process.memoryUsage().rss;
    const expected =
      'Filen tekster.xlsx kan ikke importeres: regnearkets tekster (delen xl/sharedStrings.xml) fylder 480 MB ' +
      'udpakket, og Bindeled læser højst 100 MB tekst. Intet er importeret. Gem arket som CSV, eller del det op i flere filer.';
    expect(await refusal('interop.inspect', { path: file })).toBe(expected);
    expect(await refusal('interop.preview', { path: file })).toBe(expected);
    expect(await refusal('interop.import', { path: file, fingerprint: sha(file), onInvalid: 'skip' })).toBe(expected);
    expect(process.memoryUsage().rss - used).toBeLessThan(64 * 1024 * 1024);
    expect(snapshot()).toBe(before);
  });

  it('refuses a part that unpacks to more than its header says, as soon as it passes that size', async () => {
    const before = snapshot();
    // The directory says 1 MB of shared strings (within every limit); the data inflates to 300 MB.
    const file = path.join(store.dir, 'loegner-tekster.xlsx');
    const strings = await packPart(sharedStringsXml(300 * 1024 * 1024));
    const sheet = Buffer.from('<worksheet><sheetData><row r="1"><c t="s"><v>0</v></c></row></sheetData></worksheet>');
    writeZip(file, [
      ...xlsxParts(sheet),
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(0), packed: strings, declaredSize: 1024 * 1024 },
    ]);
    const used = process.memoryUsage().rss;
    expect(await refusal('interop.import', { path: file, fingerprint: sha(file), onInvalid: 'skip' })).toBe(
      'Filen loegner-tekster.xlsx er beskadiget eller manipuleret: delen xl/sharedStrings.xml pakker sig ikke ud ' +
        'til de 1048576 bytes, filen selv angiver. Bindeled åbner den ikke.',
    );
    expect(process.memoryUsage().rss - used).toBeLessThan(64 * 1024 * 1024);
    expect(snapshot()).toBe(before);
  });

  it('refuses a cell past the last column, and a row that names a long shared string many times', async () => {
    const before = snapshot();
    const far = path.join(store.dir, 'fjern.xlsx');
    // One cell at column 10^14: filling the row up to it took all memory the process could get.
    writeZip(
      far,
      xlsxParts(
        Buffer.from(
          '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Navn</t></is></c></row>' +
            '<row r="2"><c r="ZZZZZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>',
        ),
      ),
    );
    expect(await refusal('interop.preview', { path: far })).toBe(
      'Filen fjern.xlsx kan ikke importeres: cellen ZZZZZZZZZZ2 i delen xl/worksheets/sheet1.xml ligger uden for et ' +
        'regnearks 16.384 kolonner. Intet er importeret.',
    );
    // Almost 1 MB of text named by 25 cells of one row, 30 bytes of XML each.
    const many = path.join(store.dir, 'gentaget.xlsx');
    const words = Array.from({ length: 150_000 }, (_, i) => ((i * 7919) % 1_000_003).toString(36));
    const long = `<sst><si><t>${words.join(' ')}</t></si></sst>`;
    const cells = Array.from({ length: 25 }, (_, i) => `<c r="${String.fromCharCode(65 + i)}2" t="s"><v>0</v></c>`);
    writeZip(many, [
      ...xlsxParts(
        Buffer.from(
          `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Navn</t></is></c></row><row r="2">${cells.join(
            '',
          )}</row></sheetData></worksheet>`,
        ),
      ),
      { name: 'xl/sharedStrings.xml', data: Buffer.from(long), deflate: true },
    ]);
    expect(await refusal('interop.preview', { path: many })).toBe(
      'Filen gentaget.xlsx kan ikke importeres: delen xl/worksheets/sheet1.xml har en række eller en tekst på over ' +
        '16 MB. Intet er importeret.',
    );
    expect(snapshot()).toBe(before);
  });

  it('refuses a zip whose directory lies about sizes, and one with too many parts', async () => {
    const liar = path.join(store.dir, 'loegner.xlsx');
    const parts = xlsxParts(Buffer.alloc(8 * 1024 * 1024, 0x20));
    const sheet = parts[3];
    if (sheet) sheet.declaredSize = 1000;
    writeZip(liar, parts);
    expect(await refusal('interop.preview', { path: liar })).toContain(
      'er beskadiget eller manipuleret: delen xl/worksheets/sheet1.xml pakker sig ikke ud til de 1000 bytes',
    );
    const many = path.join(store.dir, 'mange.xlsx');
    writeZip(
      many,
      Array.from({ length: 10_001 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('<a/>') })),
    );
    expect(await refusal('interop.inspect', { path: many })).toContain('10001 dele');
  });

  it('refuses a workbook whose parts add up to more than 1 GB, before unpacking any', async () => {
    const big = path.join(store.dir, 'stor.xlsx');
    const sheet = Buffer.from('<worksheet><sheetData></sheetData></worksheet>');
    writeZip(big, [
      ...xlsxParts(sheet),
      { name: 'xl/media/a.bin', data: Buffer.alloc(10), declaredSize: 600 * 1024 * 1024 },
      { name: 'xl/media/b.bin', data: Buffer.alloc(10), declaredSize: 600 * 1024 * 1024 },
    ]);
    expect(await refusal('interop.inspect', { path: big })).toMatch(
      /^Filen stor.xlsx kan ikke importeres: den fylder 1201 MB udpakket, og Bindeled læser højst 1024 MB\./,
    );
  });

  it('refuses a file that has changed since the preview', async () => {
    const file = path.join(store.dir, 'liste.csv');
    fs.copyFileSync(fixture('excel-en-utf8-bom.csv'), file);
    const fingerprint = sha(file);
    fs.appendFileSync(file, 'Late Row,,,,,,,,\r\n');
    expect(await refusal('interop.import', { path: file, fingerprint })).toContain('ændret siden forhåndsvisningen');
  });

  it('refuses relative paths, traversal and missing files', async () => {
    expect(await refusal('interop.inspect', { path: 'liste.csv' })).toContain('fuld sti');
    expect(await refusal('interop.inspect', { path: `${store.dir}/../x/../liste.csv` })).toContain('fuld sti');
    expect(await refusal('interop.inspect', { path: path.join(store.dir, 'findes-ikke.csv') })).toContain(
      'findes ikke',
    );
  });
});

describe('caseload files with values nested deeper than Bindeled writes', () => {
  /** A real export of a company with a referral, to be edited by hand. */
  async function exportedCase(name: string): Promise<string> {
    const source = openTestStore();
    try {
      await seedCase(source);
      const file = path.join(store.dir, name);
      await exportTo(source.db, 'caseload', file);
      return file;
    } finally {
      source.close();
    }
  }
  const lineOf = (file: string, text: string) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(text)) + 1;
  const referrals = () => (store.db.prepare('SELECT count(*) AS n FROM referrals').get() as { n: number }).n;

  it('refuses a value nested deep enough to overflow the stack, naming the record, field and line', async () => {
    const before = snapshot();
    const file = await exportedCase('dyb.bindeled.json');
    nestDeep(file, 'needs', 100_000);
    const line = lineOf(file, '"needs":[[[');
    const expected = `Sagsfilen dyb.bindeled.json er ugyldig: posten referrals[0] har i feltet "needs" en værdi, der er indlejret i mere end 32 niveauer (linje ${line}). Sådan skriver Bindeled aldrig en sagsfil; intet er importeret.`;
    expect(await refusal('interop.inspect', { path: file })).toBe(expected);
    expect(await refusal('interop.preview', { path: file })).toBe(expected);
    expect(await refusal('interop.import', { path: file, fingerprint: sha(file), onInvalid: 'skip' })).toBe(expected);
    expect(snapshot()).toBe(before);
    expect(referrals()).toBe(0);
  });

  it('draws the line just past 32 levels, in a text field as in a JSON one', async () => {
    const file = await exportedCase('lidt-dyb.bindeled.json');
    nestDeep(file, 'city', 33, 'companies');
    expect(await refusal('interop.preview', { path: file })).toContain('posten companies[0] har i feltet "city"');
    const ok = await exportedCase('dyb-nok.bindeled.json');
    nestDeep(ok, 'needs', 32);
    const report = await preview(ok);
    expect(report.rows).toBeGreaterThan(0);
  });

  it('refuses nesting far beyond what JSON.parse is ever asked to read, outside any record too', async () => {
    const file = await exportedCase('header.bindeled.json');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(
      file,
      text.replace('"selection":', `"selection":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)},"x":`),
    );
    const r = await store.dispatch('interop.preview', { path: file, options: {} });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: `Sagsfilen header.bindeled.json er ugyldig: "selection[0]" er indlejret urimeligt dybt (linje ${lineOf(file, '"selection":[[[')}). Sådan skriver Bindeled aldrig en sagsfil; intet er importeret.`,
      },
    });
  });
});

describe('a large file', () => {
  it('previews and imports 50 MB of rows in one transaction', async () => {
    const file = path.join(store.dir, 'stor.csv');
    const out = fs.openSync(file, 'w');
    fs.writeSync(out, '\uFEFFNavn;CVR-nr.;Postnr.;By;Noter\r\n');
    // Wide rows, as spreadsheets with notes have: 50 MB is then about 23,000 firms.
    const note = 'Lang note om virksomheden; '.repeat(80);
    let rows = 0;
    for (let written = 0; written < 50 * 1024 * 1024; rows++) {
      const line = `Firma ${rows} ApS;;8000;Aarhus C;"${note}${rows}"\r\n`;
      written += Buffer.byteLength(line);
      fs.writeSync(out, line);
    }
    fs.closeSync(out);
    const report = await preview(file);
    expect(report).toMatchObject({ rows, clean: true, totals: { add: rows } });
    const result = await importFile(file);
    expect(result.written).toBe(true);
    expect(store.db.prepare('SELECT count(*) AS n FROM companies').get()).toEqual({ n: rows });
  }, 300_000);
});
