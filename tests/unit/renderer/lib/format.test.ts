import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDate,
  formatIndustry,
  formatShare,
  parseWholeNumber,
} from '../../../../src-renderer/src/lib/format';
import { findRoute, matchPath, pathFromHash } from '../../../../src-renderer/src/lib/router';

describe('Danish display formats', () => {
  it('writes counts with a thousands dot', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234)).toBe('1.234');
    expect(formatCount(100_000)).toBe('100.000');
    expect(formatCount(1_234_567)).toBe('1.234.567');
    expect(formatCount(-1234)).toBe('-1.234');
  });

  it('writes shares as Danish percentages: comma decimal, a space before the sign', () => {
    // Intl puts a no-break space before "%", so the sign never wraps onto its own line.
    expect(formatShare(0.095)).toBe('9,5\u00a0%');
    expect(formatShare(81 / 850)).toBe('9,5\u00a0%');
    expect(formatShare(1)).toBe('100\u00a0%');
    expect(formatShare(0)).toBe('0\u00a0%');
  });

  it('writes dates dd.mm.yyyy; timestamps in local time', () => {
    expect(formatDate('2011-10-17')).toBe('17.10.2011');
    expect(formatDate(null)).toBe('');
    const stamp = new Date(2011, 9, 17, 23, 30).toISOString();
    expect(formatDate(stamp)).toBe('17.10.2011');
  });

  it('writes industry codes dd.dd.dd and leaves odd codes alone', () => {
    expect(formatIndustry('011100')).toBe('01.11.00');
    expect(formatIndustry('0111')).toBe('0111');
    expect(formatIndustry(null)).toBe('');
  });

  it('reads whole numbers as typed in Danish', () => {
    expect(parseWholeNumber('')).toBeNull();
    expect(parseWholeNumber(' 12 ')).toBe(12);
    expect(parseWholeNumber('1.200')).toBe(1200);
    expect(parseWholeNumber('1,5')).toBeUndefined();
    expect(parseWholeNumber('mange')).toBeUndefined();
  });
});

describe('hash routes', () => {
  it('reads the path from the hash', () => {
    expect(pathFromHash('')).toBe('/');
    expect(pathFromHash('#/companies/12/')).toBe('/companies/12');
    expect(pathFromHash('#/companies?view=3')).toBe('/companies');
  });

  it('matches patterns with named parts, first route first', () => {
    expect(matchPath('/companies/:id', '/companies/12')).toEqual({ id: '12' });
    expect(matchPath('/companies/:id', '/companies')).toBeNull();
    const routes = [{ pattern: '/companies' }, { pattern: '/companies/:id' }, { pattern: '/companies/:id/:tab' }];
    expect(findRoute(routes, '/companies/7/history')).toEqual({
      route: { pattern: '/companies/:id/:tab' },
      params: { id: '7', tab: 'history' },
    });
    expect(findRoute(routes, '/nowhere')).toBeNull();
  });
});
