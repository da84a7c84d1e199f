import { describe, expect, it } from 'vitest';
import { defaultPeriod, parseDaDate, toDaDate } from '../../../../src-renderer/src/report/report-period';

describe('report period fields', () => {
  it('reads dd.mm.yyyy and dd-mm-yyyy, and refuses dates that do not exist', () => {
    expect(parseDaDate('17.10.2011')).toBe('2011-10-17');
    expect(parseDaDate(' 1-10-2010 ')).toBe('2010-10-01');
    expect(parseDaDate('30.02.2011')).toBeUndefined();
    expect(parseDaDate('2011-10-17')).toBeUndefined();
    expect(parseDaDate('17.10.201')).toBeUndefined();
  });

  it('shows ISO dates the Danish way and starts on 1 January of this year', () => {
    expect(toDaDate('2011-10-17')).toBe('17.10.2011');
    expect(defaultPeriod(new Date(2026, 10, 27))).toEqual({ from: '2026-01-01', to: '2026-11-27' });
  });
});
