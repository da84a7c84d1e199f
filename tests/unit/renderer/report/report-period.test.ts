import { describe, expect, it } from 'vitest';
import type { ReportSettings } from '../../../../src-main/api/contract';
import { defaultPeriod, parseDaDate, presetPeriod, toDaDate } from '../../../../src-renderer/src/report/report-period';

const settings = (s: Partial<ReportSettings>): ReportSettings => ({
  programmeYear: null,
  targets: {},
  dataFrom: null,
  dataTo: null,
  ...s,
});
const DEMO_YEAR = { from: '2010-10-01', to: '2011-10-17' };

describe('report period fields', () => {
  it('reads dd.mm.yyyy and dd-mm-yyyy, and refuses dates that do not exist', () => {
    expect(parseDaDate('17.10.2011')).toBe('2011-10-17');
    expect(parseDaDate(' 1-10-2010 ')).toBe('2010-10-01');
    expect(parseDaDate('30.02.2011')).toBeUndefined();
    expect(parseDaDate('2011-10-17')).toBeUndefined();
    expect(parseDaDate('17.10.201')).toBeUndefined();
  });

  it('shows ISO dates the Danish way', () => {
    expect(toDaDate('2011-10-17')).toBe('17.10.2011');
  });

  it('opens on the period that has data: the programme year, else the last 12 months with contacts', () => {
    const today = '2026-11-27';
    expect(defaultPeriod(settings({ programmeYear: DEMO_YEAR, dataTo: today }), today)).toEqual(DEMO_YEAR);
    expect(defaultPeriod(settings({ dataFrom: '2020-01-01', dataTo: '2026-03-01' }), today)).toEqual({
      from: '2025-11-28',
      to: today,
    });
    // A caseload whose last contact is years ago opens on the 12 months up to it.
    expect(defaultPeriod(settings({ dataFrom: '2010-06-01', dataTo: '2011-12-15' }), today)).toEqual({
      from: '2010-12-16',
      to: '2011-12-15',
    });
    expect(defaultPeriod(settings({}), today)).toEqual({ from: '2025-11-28', to: today });
  });

  it('offers the programme year (when set), the last 12 months and this year', () => {
    const today = '2026-02-28';
    expect(presetPeriod('programme', settings({}), today)).toBeNull();
    expect(presetPeriod('programme', settings({ programmeYear: DEMO_YEAR }), today)).toEqual(DEMO_YEAR);
    expect(presetPeriod('last12', null, today)).toEqual({ from: '2025-03-01', to: today });
    expect(presetPeriod('thisYear', null, today)).toEqual({ from: '2026-01-01', to: today });
  });
});
