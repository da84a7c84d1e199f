import { describe, expect, it } from 'vitest';
import { danishSortKey } from '../../../../src-main/core/domain/sort-key';
import {
  dateProblem,
  formatDateDa,
  formatLetterDate,
  isoWeekNumber,
  parseDate,
} from '../../../../src-shared/format/dates';

describe('Danish dates', () => {
  it('numbers weeks as Danish calendars do (ISO 8601: week 1 holds the first Thursday)', () => {
    expect(isoWeekNumber('2026-12-03')).toBe(49);
    expect(isoWeekNumber('2026-01-01')).toBe(1);
    expect(isoWeekNumber('2021-01-03')).toBe(53);
    expect(isoWeekNumber('2024-12-30')).toBe(1);
    expect(isoWeekNumber('2011-10-17')).toBe(42);
  });

  it('reads dd.mm.yyyy, dd-mm-yyyy and ISO, and refuses impossible dates', () => {
    expect(parseDate('17.10.2011')).toBe('2011-10-17');
    expect(parseDate('1-2-2011')).toBe('2011-02-01');
    expect(parseDate('2011-10-17')).toBe('2011-10-17');
    expect(parseDate('31.02.2011')).toBeUndefined();
    expect(parseDate('10/17/2011')).toBeUndefined();
  });

  it('shows dd.mm.yyyy on screen and "17. oktober 2011" in letters', () => {
    expect(formatDateDa('2011-10-17')).toBe('17.10.2011');
    expect(formatLetterDate('2011-10-17')).toBe('17. oktober 2011');
    expect(formatLetterDate('2011-05-01')).toBe('1. maj 2011');
  });
});

describe('Danish sort order', () => {
  it('sorts Æ, Ø, Å after Z and ignores case', () => {
    const names = ['Åbyhøj Bageri', 'zebra ApS', 'Ærø Smedje', 'Østergaard', 'anders A/S', 'Bager Bo'];
    const sorted = [...names].sort((a, b) => (danishSortKey(a) < danishSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['anders A/S', 'Bager Bo', 'zebra ApS', 'Ærø Smedje', 'Østergaard', 'Åbyhøj Bageri']);
  });
});

describe('dateProblem', () => {
  it('tells a day that does not exist from text that is no date', () => {
    expect(dateProblem('32.13.2026')).toBe('validation.dateNotReal');
    expect(dateProblem('31.02.2024')).toBe('validation.dateNotReal');
    expect(dateProblem('2026-13-01')).toBe('validation.dateNotReal');
    expect(dateProblem('i morgen')).toBe('validation.dateFormat');
    expect(dateProblem('1.2.26')).toBe('validation.dateFormat');
  });
});
