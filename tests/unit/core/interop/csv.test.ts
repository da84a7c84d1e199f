import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src-main/core/errors';
import {
  detectSeparator,
  parseCsv,
  parseCsvPieces,
  separatorHint,
} from '../../../../src-main/core/interop/csv/csv-parse';
import { csvTable } from '../../../../src-main/core/interop/csv/csv-source';
import {
  csvCell,
  csvLine,
  neutraliseFormula,
  restoreNeutralised,
} from '../../../../src-main/core/interop/csv/csv-write';
import { decodePieces } from '../../../../src-main/core/interop/text/encoding';

const rows = (text: string, sep: ';' | ',' | '\t' = ';') => [...parseCsv(text, sep, 'test.csv')].map((r) => r.cells);
const lines = (text: string) => [...parseCsv(text, ';', 'test.csv')].map((r) => r.line);

describe('reading CSV as Excel writes it', () => {
  it('reads quoted fields holding the separator, doubled quotes and line breaks', () => {
    const text = 'Navn;Note\r\n"Bager; Hansen";"Sagde ""hej""\r\nog gik"\r\nSmed;x\r\n';
    expect(rows(text)).toEqual([
      ['Navn', 'Note'],
      ['Bager; Hansen', 'Sagde "hej"\r\nog gik'],
      ['Smed', 'x'],
    ]);
  });

  it('numbers records by the line they start on, counting line breaks inside quotes', () => {
    expect(lines('a;b\n"x\ny";1\n\nz;2\n')).toEqual([1, 2, 4, 5]);
    expect(lines('a\rb\rc')).toEqual([1, 2, 3]);
  });

  it('keeps a trailing empty field and tells a cut-off last row from a complete one', () => {
    const recs = [...parseCsv('a;b;\nc;d', ';', 't.csv')];
    expect(recs.map((r) => r.cells)).toEqual([
      ['a', 'b', ''],
      ['c', 'd'],
    ]);
    expect(recs.map((r) => r.atEof)).toEqual([false, true]);
  });

  it('treats a quote inside an unquoted field as text, as Excel does', () => {
    expect(rows('5" rør;ok\n')).toEqual([['5" rør', 'ok']]);
  });

  it('refuses a quote that never closes, naming the line it opened on', () => {
    const text = 'Navn;By\nA;B\n"Hansen;Aarhus\nC;D\nE;F\n';
    expect(() => rows(text)).toThrow(DomainError);
    try {
      rows(text);
    } catch (err) {
      expect((err as DomainError).key).toBe('import.unclosedQuote');
      expect((err as DomainError).params).toMatchObject({ file: 'test.csv', line: 3 });
    }
  });

  it("detects ; , and tab, and honours Excel's sep= line", () => {
    expect(detectSeparator('Navn;CVR;By\nA;1;B\nC;2;D\n', 'f')).toBe(';');
    expect(detectSeparator('Name,CVR,City\nA,1,B\n"C, Ltd",2,D\n', 'f')).toBe(',');
    expect(detectSeparator('Name\tCVR\nA\t1\n', 'f')).toBe('\t');
    // Danish decimals contain commas; the semicolon still wins.
    expect(detectSeparator('Navn;Omsætning\nA;1,5\nB;2,25\n', 'f')).toBe(';');
    expect(separatorHint('sep=,\r\nName,City\r\n')).toEqual({ sep: ',', skip: 7 });
  });
});

describe('writing CSV for Danish Excel', () => {
  it('neutralises cells that Excel or LibreOffice would run as formulas', () => {
    for (const v of ['=HYPERLINK("http://x","klik")', '+45 12 34 56 78', '-5', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseFormula(v).startsWith("'")).toBe(true);
    }
    expect(neutraliseFormula('Hansen ApS')).toBe('Hansen ApS');
    expect(neutraliseFormula("'citat'")).toBe("'citat'");
    expect(csvCell('=1+2', ';')).toBe("'=1+2");
  });

  it('quotes only what needs quoting and ends rows with CRLF', () => {
    expect(csvLine(['a', 'b;c', 'say "hi"', 'two\nlines', null, 12], ';')).toBe(
      'a;"b;c";"say ""hi""";"two\nlines";;12\r\n',
    );
  });

  it('gives back exactly the value it neutralised, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(restoreNeutralised(neutraliseFormula(s))).toBe(s);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom('=', '+', '-', '@', "'=", "''+"), fc.string(), (start, rest) => {
        const v = start + rest;
        expect(restoreNeutralised(neutraliseFormula(v))).toBe(v);
        expect(/^[=+\-@\t\r]/.test(neutraliseFormula(v))).toBe(false);
      }),
    );
  });

  it('reads back what it writes, for any table of text', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'æ', 'Ø', 'å', ';', ',', '"', '\n', ' ', '=', '😀', 'x') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }), (table) => {
        const text = table.map((r) => csvLine(r, ';')).join('');
        const back = [...parseCsv(text, ';', 'p.csv')].map((r) => r.cells.map(restoreNeutralised));
        expect(back).toEqual(table.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n'))));
      }),
    );
  });
});

describe('reading a large CSV a piece at a time', () => {
  const whole = (text: string) =>
    [...parseCsv(text, ';', 'p.csv')].map(({ line, cells, atEof }) => ({ line, cells, atEof }));
  const inPieces = (text: string, encoding: 'utf-8' | 'utf-16le', bytes: number) =>
    [...parseCsvPieces(decodePieces(iconv.encode(text, encoding), encoding, bytes), ';', 'p.csv')].map(
      ({ line, cells, atEof }) => ({ line, cells, atEof }),
    );

  it('reads the same records wherever the pieces are cut, also inside quotes, CRLF and æøå', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'æ', 'Ø', ';', '"', '\n', '\r', ' ', '😀') });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 30 }), fc.integer({ min: 1, max: 9 }), (cells, bytes) => {
        const text = cells.join('');
        const outcome = (read: () => unknown) => {
          try {
            return read();
          } catch (err) {
            // An unclosed quote: the same error, naming the same line.
            return { key: (err as DomainError).key, params: (err as DomainError).params };
          }
        };
        const expected = outcome(() => whole(text));
        expect(outcome(() => inPieces(text, 'utf-8', bytes))).toEqual(expected);
        expect(outcome(() => inPieces(text, 'utf-16le', bytes + 1))).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a quote that never closes, naming the line it opened on, however the text is cut', () => {
    const text = 'Navn;By\nA;B\n"Hansen;Aarhus\nC;D\nE;F\n';
    expect(() => inPieces(text, 'utf-8', 4)).toThrow(
      expect.objectContaining({ key: 'import.unclosedQuote', params: { file: 'p.csv', line: 3 } }),
    );
  });
});

describe('reading a CSV file from the disk', () => {
  it('refuses the rows when the file is not the one its fingerprint names (changed since it was loaded)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindeled-csv-'));
    const file = path.join(dir, 'kunder.csv');
    fs.writeFileSync(file, 'Navn;By\r\nÅdalens Gårdbutik;Hadsten\r\n');
    const loaded = { path: file, name: 'kunder.csv', size: fs.statSync(file).size };
    const sha256 = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    // A small file is read to its end (and its hash checked) with the header; a large one with its last row.
    const rows = async () => {
      const out: unknown[] = [];
      for await (const batch of csvTable({ ...loaded, sha256 }, {}).source.batches)
        for (const row of batch) out.push(row.cells);
      return out;
    };
    expect(await rows()).toEqual([['Ådalens Gårdbutik', 'Hadsten']]);
    fs.writeFileSync(file, 'Navn;By\r\nÅdalens Gårdbutik;Hammel\r\n');
    await expect(rows()).rejects.toMatchObject({
      key: 'import.fileChanged',
      params: { file: 'kunder.csv' },
    });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
