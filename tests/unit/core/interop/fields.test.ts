import { describe, expect, it } from 'vitest';
import {
  detectDateOrder,
  digitsText,
  parseCellDate,
  parseCellInteger,
} from '../../../../src-main/core/interop/fields/cell-values';
import { guessMapping, headerSignature } from '../../../../src-main/core/interop/fields/header-guess';

describe('guessing which column is which', () => {
  it("maps the Danish headers a consultant's spreadsheet uses", () => {
    const headers = [
      'Firmanavn',
      'CVR-nr.',
      'Postnr.',
      'By',
      'Kommune',
      'Branchekode',
      'Antal ansatte',
      'E-mail',
      'Tlf.',
      'Indehaver',
      'Noter',
    ];
    expect(guessMapping(headers).mapping).toEqual([
      'name',
      'cvr',
      'postcode',
      'city',
      'kommune',
      'industryCode',
      'employees',
      'email',
      'phone',
      'ownerName',
      null,
    ]);
  });

  it('maps English headers', () => {
    const headers = [
      'Company name',
      'VAT number',
      'Zip code',
      'City',
      'Municipality',
      'Number of employees',
      'Email address',
      'Website',
      'Founded',
    ];
    expect(guessMapping(headers).mapping).toEqual([
      'name',
      'cvr',
      'postcode',
      'city',
      'kommune',
      'employees',
      'email',
      'website',
      'founded',
    ]);
  });

  it('maps a header written twice only once and says so', () => {
    const g = guessMapping(['Navn', 'CVR', 'Navn']);
    expect(g.mapping).toEqual(['name', 'cvr', null]);
    expect(g.duplicates).toEqual([{ header: 'Navn', columns: [0, 2] }]);
  });

  it('recognises a layout by its headers, whatever their case and punctuation', () => {
    expect(headerSignature(['CVR-nr.', 'Navn'])).toBe(headerSignature(['cvr nr', 'NAVN']));
    expect(headerSignature(['CVR-nr.', 'Navn'])).not.toBe(headerSignature(['Navn', 'CVR-nr.']));
  });
});

describe('reading cell values the way Excel writes them', () => {
  it('reads Danish, ISO and slashed dates, and Excel day numbers', () => {
    expect(parseCellDate('17.10.2011', 'dmy')).toBe('2011-10-17');
    expect(parseCellDate('17-10-2011', 'dmy')).toBe('2011-10-17');
    expect(parseCellDate('2011-10-17 00:00:00', 'dmy')).toBe('2011-10-17');
    expect(parseCellDate('10/17/2011', 'mdy')).toBe('2011-10-17');
    expect(parseCellDate('17/10/2011', 'dmy')).toBe('2011-10-17');
    expect(parseCellDate(40833, 'dmy')).toBe('2011-10-17');
    expect(parseCellDate(new Date(Date.UTC(2011, 9, 17)), 'dmy')).toBe('2011-10-17');
    expect(parseCellDate('31.02.2011', 'dmy')).toBeUndefined();
  });

  it('decides from the column whether slashed dates are month first', () => {
    expect(detectDateOrder(['10/17/2011', '03/04/2012'])).toBe('mdy');
    expect(detectDateOrder(['17/10/2011', '03/04/2012'])).toBe('dmy');
    expect(detectDateOrder(['03/04/2012'])).toBeUndefined();
  });

  it('reads whole numbers with Danish or English thousands separators', () => {
    expect(parseCellInteger('1.234')).toBe(1234);
    expect(parseCellInteger('1,234')).toBe(1234);
    expect(parseCellInteger('12,00')).toBe(12);
    expect(parseCellInteger(' 7 ')).toBe(7);
    expect(parseCellInteger('7,5')).toBeUndefined();
    expect(parseCellInteger('mange')).toBeUndefined();
  });

  it('puts back the leading zero Excel took from a postcode or industry code', () => {
    expect(digitsText(800, 4)).toBe('0800');
    expect(digitsText('11100', 6)).toBe('011100');
    expect(digitsText('8000', 4)).toBe('8000');
  });
});
