import { describe, expect, it } from 'vitest';
import { type AidEntry, deMinimisStatus, ruleFor, windowStart } from '../../../../src-main/core/deminimis/rules';
import { oreToEurCents } from '../../../../src-shared/codes/deminimis';

const EUR = 100;
let nextId = 1;
function aid(grantedOn: string, eur: number, over: Partial<AidEntry> = {}): AidEntry {
  return {
    id: nextId++,
    source: 'manual',
    grantedOn,
    grantor: 'Erhvervshus Midtjylland',
    scheme: null,
    sector: 'general',
    eurCents: eur * EUR,
    ore: null,
    note: null,
    ...over,
  };
}

/** EUR 60,000 granted on 1 June of each year from 2021 to 2024. */
const yearly = [
  aid('2021-06-01', 60_000),
  aid('2022-06-01', 60_000),
  aid('2023-06-01', 60_000),
  aid('2024-06-01', 60_000),
];

function general(on: string) {
  const s = deMinimisStatus(yearly, 'general', on);
  const l = s.limits[0];
  return {
    rule: l?.regulation,
    from: l?.from,
    ceiling: (l?.ceilingEurCents ?? 0) / EUR,
    counted: (l?.countedEurCents ?? 0) / EUR,
    headroom: s.headroomEurCents / EUR,
  };
}

describe('de minimis across the 2024 change', () => {
  it('measures a grant in 2023 by Regulation 1407/2013: EUR 200,000 over this and the two previous fiscal years', () => {
    expect(general('2023-06-01')).toEqual({
      rule: '1407/2013',
      from: '2021-01-01',
      ceiling: 200_000,
      counted: 180_000,
      headroom: 20_000,
    });
    expect(general('2023-12-31')).toEqual({
      rule: '1407/2013',
      from: '2021-01-01',
      ceiling: 200_000,
      counted: 180_000,
      headroom: 20_000,
    });
    // In 2022 the 2023 aid is not yet granted, and 2020 would still count.
    expect(general('2022-12-31')).toMatchObject({ counted: 120_000, headroom: 80_000 });
  });

  it('measures a grant from 1 January 2024 by Regulation 2023/2831: EUR 300,000 over any three years, older aid still counted', () => {
    expect(general('2024-01-01')).toEqual({
      rule: '2023/2831',
      from: '2021-01-02',
      ceiling: 300_000,
      counted: 180_000,
      headroom: 120_000,
    });
    // The day before the 2021 grant is three years old it still counts; the 2024 grant is not yet made.
    expect(general('2024-05-31')).toMatchObject({ from: '2021-06-01', counted: 180_000, headroom: 120_000 });
    // Three years on, the 2021 grant has dropped out and the 2024 one has come in.
    expect(general('2024-06-01')).toMatchObject({ from: '2021-06-02', counted: 180_000, headroom: 120_000 });
    expect(general('2025-06-01')).toMatchObject({ counted: 120_000, headroom: 180_000 });
  });

  it('would have counted the 2021 grant in a 2023 fiscal-year window but not in a rolling window of the same length', () => {
    const late = [aid('2021-01-15', 100_000), aid('2023-12-20', 90_000)];
    expect(deMinimisStatus(late, 'general', '2023-12-31').limits[0]?.countedEurCents).toBe(190_000 * EUR);
    expect(deMinimisStatus(late, 'general', '2024-01-14').limits[0]?.countedEurCents).toBe(190_000 * EUR);
    expect(deMinimisStatus(late, 'general', '2024-01-15').limits[0]?.countedEurCents).toBe(90_000 * EUR);
  });

  it('marks which entries are counted and never gives negative headroom', () => {
    const s = deMinimisStatus([...yearly, aid('2024-07-01', 250_000)], 'general', '2024-07-01');
    expect(s.aid.map((a) => [a.grantedOn, a.counted])).toEqual([
      ['2021-06-01', false],
      ['2022-06-01', true],
      ['2023-06-01', true],
      ['2024-06-01', true],
      ['2024-07-01', true],
    ]);
    expect(s.headroomEurCents).toBe(0);
  });
});

describe('sector rules', () => {
  it('primary agriculture: EUR 15,000, EUR 20,000 from 14 March 2019, EUR 50,000 over any three years from 16 December 2024', () => {
    expect(ruleFor('agriculture', '2019-03-13')).toMatchObject({
      regulation: '1408/2013',
      ceilingEurCents: 15_000 * EUR,
    });
    expect(ruleFor('agriculture', '2019-03-14')).toMatchObject({
      regulation: '2019/316',
      ceilingEurCents: 20_000 * EUR,
      period: 'fiscal_years',
    });
    expect(ruleFor('agriculture', '2024-12-16')).toMatchObject({
      regulation: '2024/3118',
      ceilingEurCents: 50_000 * EUR,
      period: 'rolling_years',
    });
  });

  it('fisheries: EUR 30,000 over fiscal years, EUR 40,000 over any three years from 25 October 2023', () => {
    expect(ruleFor('fisheries', '2023-10-24')).toMatchObject({ regulation: '717/2014', ceilingEurCents: 30_000 * EUR });
    expect(ruleFor('fisheries', '2023-10-25')).toMatchObject({
      regulation: '2023/2391',
      ceilingEurCents: 40_000 * EUR,
    });
  });

  it('counts a farm’s agricultural aid against its own ceiling and all its aid against the general one', () => {
    const farm = [
      aid('2022-03-01', 12_000, { sector: 'agriculture' }),
      aid('2023-03-01', 190_000),
      aid('2024-03-01', 3_000, { sector: 'agriculture' }),
    ];
    const before = deMinimisStatus(farm, 'agriculture', '2024-12-01');
    expect(before.limits.map((l) => [l.regulation, l.countedEurCents / EUR, l.headroomEurCents / EUR])).toEqual([
      ['2019/316', 15_000, 5_000],
      ['2023/2831', 205_000, 95_000],
    ]);
    expect(before.headroomEurCents).toBe(5_000 * EUR);
    const after = deMinimisStatus(farm, 'agriculture', '2024-12-16');
    expect(after.limits[0]).toMatchObject({
      regulation: '2024/3118',
      countedEurCents: 15_000 * EUR,
      headroomEurCents: 35_000 * EUR,
    });
    // The general aid is not agricultural aid: a general grant sees only the general ceiling.
    expect(deMinimisStatus(farm, 'general', '2024-12-16').headroomEurCents).toBe(95_000 * EUR);
  });
});

describe('windows', () => {
  it('counts fiscal years as calendar years and a rolling period as the three years ending on the day', () => {
    expect(windowStart('fiscal_years', '2023-06-30')).toBe('2021-01-01');
    expect(windowStart('rolling_years', '2024-06-30')).toBe('2021-07-01');
    expect(windowStart('rolling_years', '2024-02-29')).toBe('2021-03-01');
    expect(windowStart('rolling_years', '2025-01-01')).toBe('2022-01-02');
  });

  it('converts kroner to euro at the central rate', () => {
    expect(oreToEurCents(746_038)).toBe(100_000);
  });
});
