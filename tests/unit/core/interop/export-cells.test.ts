import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitiseText } from '../../../../src-main/core/files/sanitise-text';
import { csvCell, neutraliseFormula } from '../../../../src-main/core/interop/csv/csv-write';
import { csvValue } from '../../../../src-main/core/interop/sheets/cell-format';
import { cellXml } from '../../../../src-main/core/interop/xlsx/xlsx-export';
import { columnName } from '../../../../src-main/core/ooxml/xml-text';

// The exporter's fast paths must write exactly what the plain rules write, for any input.
process.env.TZ = 'Europe/Copenhagen';

/** The CSV cell rule without the fast path (as it was before the fast path). */
function slowCsvCell(value: string, sep: string): string {
  const text = neutraliseFormula(sanitiseText(value));
  return text.includes(sep) || /["\n\r]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const awkward = fc.string({
  unit: fc.constantFrom(
    'a',
    'Ø',
    ';',
    ',',
    '"',
    '\n',
    '\r',
    '\t',
    ' ',
    '=',
    '+',
    '-',
    '@',
    "'",
    '\u0007',
    '\uFFFE',
    '\uD800',
    '😀',
    '&',
    '<',
  ),
});

describe('CSV cells', () => {
  it('writes the same cell as the full sanitise-neutralise-quote rule, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(awkward, fc.string()), fc.constantFrom(';', ',', '\t'), (value, sep) => {
        expect(csvCell(value, sep)).toBe(slowCsvCell(value, sep));
      }),
    );
  });

  it('shows a stored UTC timestamp as the Danish local date, also around midnight and DST changes', () => {
    // 22:30 UTC on 31 March 2011 is 00:30 on 1 April in Danish summer time.
    expect(csvValue('stamp', '2011-03-31T22:30:00Z')).toBe('01.04.2011');
    expect(csvValue('stamp', '2011-01-31T22:30:00Z')).toBe('31.01.2011');
    expect(csvValue('stamp', 'ikke en dato')).toBe('ikke en dato');
    const day = (stamp: string) => {
      const d = new Date(stamp);
      const two = (n: number) => String(n).padStart(2, '0');
      return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()}`;
    };
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }), (ms) => {
        const stamp = `${new Date(ms).toISOString().slice(0, 19)}Z`;
        expect(csvValue('stamp', stamp)).toBe(day(stamp));
      }),
    );
  });
});

describe('XLSX cells', () => {
  it('names columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('writes dates and timestamps as date serials with their format, numbers as numbers', () => {
    // 17 October 2011 is day 40833 in Excel's count.
    expect(cellXml('date', '2011-10-17', 'L2')).toBe('<c r="L2" s="2"><v>40833</v></c>');
    // 10:00 UTC in summer is 12:00 in Denmark: half a day past the date.
    expect(cellXml('stamp', '2011-06-01T10:00:00Z', 'T2')).toBe('<c r="T2" s="3"><v>40695.5</v></c>');
    expect(cellXml('integer', 7, 'K2')).toBe('<c r="K2"><v>7</v></c>');
    expect(cellXml('decimal', '1.5', 'K2')).toBe('<c r="K2"><v>1.5</v></c>');
    expect(cellXml('industry', '011100', 'J2')).toBe('<c r="J2" t="inlineStr"><is><t>01.11.00</t></is></c>');
    expect(cellXml('digits', '0800', 'G2')).toBe('<c r="G2" t="inlineStr"><is><t>0800</t></is></c>');
  });

  it('keeps a value that does not fit its type visible as text, and leaves empty cells out', () => {
    expect(cellXml('date', 'snart', 'L2')).toBe('<c r="L2" t="inlineStr"><is><t>snart</t></is></c>');
    expect(cellXml('integer', 'mange', 'K2')).toBe('<c r="K2" t="inlineStr"><is><t>mange</t></is></c>');
    expect(cellXml('text', null, 'A2')).toBe('');
    expect(cellXml('text', '', 'A2')).toBe('');
  });

  it('escapes markup, drops what XML forbids, and keeps spaces at the ends', () => {
    expect(cellXml('text', 'A & B <ApS>', 'B2')).toBe(
      '<c r="B2" t="inlineStr"><is><t>A &amp; B &lt;ApS&gt;</t></is></c>',
    );
    expect(cellXml('text', 'Skjult\uFFFE tegn\u0007 ApS', 'B2')).toContain('<t>Skjult tegn ApS</t>');
    expect(cellXml('text', 'linje 1\r\nlinje 2', 'B2')).toContain('<t>linje 1\nlinje 2</t>');
    expect(cellXml('text', ' indrykket', 'B2')).toContain('<t xml:space="preserve"> indrykket</t>');
  });

  it('never writes a character XML 1.0 forbids or an unescaped markup character, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(awkward, fc.string({ unit: 'binary' })), (value) => {
        const inner = /<t[^>]*>([\s\S]*)<\/t>/.exec(cellXml('text', value, 'A1'))?.[1] ?? '';
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML forbids.
        expect(inner).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF<>\r]/);
        expect(inner).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        expect(inner.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
      }),
    );
  });
});
