import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src-main/core/errors';
import { detectSeparator, parseCsv, separatorHint } from '../../../../src-main/core/interop/csv/csv-parse';
import {
  csvCell,
  csvLine,
  neutraliseFormula,
  restoreNeutralised,
} from '../../../../src-main/core/interop/csv/csv-write';

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
