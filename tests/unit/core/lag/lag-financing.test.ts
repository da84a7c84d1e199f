import { describe, expect, it } from 'vitest';
import { deMinimisStatus } from '../../../../src-main/core/deminimis/rules';
import { computeFinancing, type FinancingInput, startDateChecks } from '../../../../src-main/core/lag/lag-financing';
import { canMoveLag, LAG_STATUSES, LAG_TRANSITIONS } from '../../../../src-main/core/lag/lag-schema';

const SCHEME = {
  name: 'LAG erhverv',
  maxGrantBp: 5000,
  maxGrantBpFood: 4000,
  minAmountOre: 5_000_000,
  maxAmountOre: null,
  ownHoursAllowed: true,
  deMinimis: true,
};

/** A balanced 200,000 kr. project: 100,000 grant (50 %), 80,000 cash, 20,000 own hours. */
function input(over: Partial<FinancingInput> = {}): FinancingInput {
  return {
    lines: [
      { category: 'Udstyr', amountOre: 15_000_000 },
      { category: 'Rådgivning', amountOre: 5_000_000 },
    ],
    grantRequestedOre: 10_000_000,
    ownCashOre: 8_000_000,
    ownHoursOre: 2_000_000,
    otherPublicOre: 0,
    foodProcessing: false,
    scheme: SCHEME,
    today: '2011-10-17',
    ...over,
  };
}

const codes = (i: FinancingInput) => computeFinancing(i).checks.map((c) => c.code);

describe('LAG financing arithmetic', () => {
  it('sums the budget by category and computes each share in basis points', () => {
    const f = computeFinancing(input());
    expect(f.budgetTotalOre).toBe(20_000_000);
    expect(f.financingTotalOre).toBe(20_000_000);
    expect(f.differenceOre).toBe(0);
    expect(f.grantShareBp).toBe(5000);
    expect(f.maxGrantBp).toBe(5000);
    expect(f.maxGrantOre).toBe(10_000_000);
    expect(f.categories).toEqual([
      { category: 'Udstyr', amountOre: 15_000_000, shareBp: 7500 },
      { category: 'Rådgivning', amountOre: 5_000_000, shareBp: 2500 },
    ]);
    expect(f.checks).toEqual([]);
  });

  it('allows exactly 50 % and warns one øre above it, with the largest allowed grant', () => {
    expect(codes(input())).not.toContain('lag.check.grantShareHigh');
    const over = computeFinancing(input({ grantRequestedOre: 10_000_001, ownCashOre: 7_999_999 }));
    const check = over.checks.find((c) => c.code === 'lag.check.grantShareHigh');
    expect(check?.severity).toBe('error');
    expect(check?.message).toBe(
      'Der søges 100.000,01 kr. (50,0 % af de støtteberettigede udgifter); ordningen giver højst 50 %, dvs. 100.000,00 kr.',
    );
  });

  it('uses 40 % for a food-processing SME', () => {
    const f = computeFinancing(input({ foodProcessing: true }));
    expect(f.maxGrantBp).toBe(4000);
    expect(f.maxGrantOre).toBe(8_000_000);
    expect(f.checks.map((c) => c.code)).toContain('lag.check.grantShareHigh');
    expect(codes(input({ foodProcessing: true, grantRequestedOre: 8_000_000, ownCashOre: 10_000_000 }))).toEqual([]);
  });

  it('falls back to 50 % / 40 % without a scheme and says so', () => {
    const none = computeFinancing(input({ scheme: null }));
    expect(none.maxGrantBp).toBe(5000);
    expect(none.checks.map((c) => c.code)).toEqual(['lag.check.noScheme']);
    expect(computeFinancing(input({ scheme: null, foodProcessing: true })).maxGrantBp).toBe(4000);
  });

  it('warns below the minimum application of 50,000 kr. and above a maximum', () => {
    const small = input({
      lines: [{ category: 'Udstyr', amountOre: 9_000_000 }],
      grantRequestedOre: 4_500_000,
      ownCashOre: 4_500_000,
      ownHoursOre: 0,
    });
    const check = computeFinancing(small).checks.find((c) => c.code === 'lag.check.grantBelowMin');
    expect(check?.message).toBe('Der søges 45.000,00 kr.; ordningen kræver en ansøgning på mindst 50.000,00 kr.');
    expect(codes(input({ scheme: { ...SCHEME, maxAmountOre: 5_000_000 } }))).toContain('lag.check.grantAboveMax');
  });

  it('reports financing that does not match the budget, with the difference', () => {
    const f = computeFinancing(input({ ownCashOre: 7_876_550 }));
    expect(f.differenceOre).toBe(-123_450);
    expect(f.checks.find((c) => c.code === 'lag.check.financingMismatch')?.message).toBe(
      'Finansieringen (198.765,50 kr.) svarer ikke til budgettet (200.000,00 kr.); forskel -1.234,50 kr.',
    );
  });

  it('refuses own hours where the scheme does not count them', () => {
    expect(codes(input({ scheme: { ...SCHEME, ownHoursAllowed: false } }))).toContain('lag.check.ownHoursNotAllowed');
  });

  it('without the ledger, checks the typed prior aid against the general ceiling in force on the day', () => {
    // EUR 200,000 before 2024 is 1.492.076,00 kr. at the central rate; EUR 300,000 from 2024.
    const cap2011 = 149_207_600;
    expect(codes(input({ deMinimisPriorOre: cap2011 - 10_000_000 }))).not.toContain('lag.check.deMinimisPrior');
    const over = computeFinancing(input({ deMinimisPriorOre: cap2011 - 9_999_999 }));
    expect(over.checks.find((c) => c.code === 'lag.check.deMinimisPrior')?.message).toBe(
      'Tilskud og tidligere de minimis-støtte (1.492.076,01 kr.) overstiger loftet på 200.000,00 EUR (ca. 1.492.076,00 kr.) efter forordning (EU) 1407/2013',
    );
    expect(codes(input({ today: '2024-01-01', deMinimisPriorOre: cap2011 }))).not.toContain('lag.check.deMinimisPrior');
    expect(codes(input({ scheme: { ...SCHEME, deMinimis: false }, deMinimisPriorOre: cap2011 }))).toEqual([]);
  });

  it('with the ledger, warns when the grant exceeds the firm’s headroom on the grant date, and shows it', () => {
    const aid = (grantedOn: string, eur: number) => ({
      id: 1,
      source: 'manual' as const,
      grantedOn,
      grantor: 'Favrskov Kommune',
      scheme: null,
      sector: 'general' as const,
      eurCents: eur * 100,
      ore: null,
      note: null,
    });
    // 100.000 kr. is EUR 13,404.14: it fits beside EUR 280,000 of aid under 2023/2831, not under 1407/2013.
    const ledger = [aid('2022-05-01', 190_000), aid('2023-05-01', 90_000)];
    const in2023 = computeFinancing(input({ deMinimis: deMinimisStatus(ledger, 'general', '2023-12-31') }));
    expect(in2023.checks.find((c) => c.code === 'lag.check.deMinimis')?.message).toBe(
      'Et tilskud på 100.000,00 kr. (ca. 13.404,14 EUR) overstiger virksomhedens plads til de minimis-støtte: 0,00 EUR pr. 31.12.2023 efter forordning (EU) 1407/2013',
    );
    const in2024 = computeFinancing(input({ deMinimis: deMinimisStatus(ledger, 'general', '2024-01-01') }));
    expect(in2024.checks).toEqual([]);
    expect(in2024.deMinimis).toEqual({
      on: '2024-01-01',
      regulation: '2023/2831',
      ceilingEurCents: 30_000_000,
      countedEurCents: 28_000_000,
      headroomEurCents: 2_000_000,
    });
    expect(
      codes(
        input({
          deMinimis: deMinimisStatus(ledger, 'general', '2024-01-01'),
          grantRequestedOre: 15_000_000,
          ownCashOre: 3_000_000,
        }),
      ),
    ).toContain('lag.check.deMinimis');
  });

  it('flags an empty budget, and a grant asked for with no budget at all', () => {
    const f = computeFinancing(input({ lines: [], ownCashOre: 0, ownHoursOre: 0 }));
    expect(f.grantShareBp).toBe(0);
    expect(f.checks.map((c) => c.code)).toEqual(
      expect.arrayContaining(['lag.check.noBudget', 'lag.check.grantWithoutBudget', 'lag.check.financingMismatch']),
    );
  });

  it('warns when the deadline has passed while the application is still being written', () => {
    expect(codes(input({ deadline: '2011-10-01', status: 'drafting' }))).toContain('lag.check.deadlinePassed');
    expect(codes(input({ deadline: '2011-10-01', status: 'submitted', submittedAt: '2011-09-30' }))).not.toContain(
      'lag.check.deadlinePassed',
    );
  });

  it('keeps amounts exact in øre however many lines there are', () => {
    const lines = Array.from({ length: 200 }, (_, i) => ({ category: `K${i % 7}`, amountOre: 1_234_567 + i }));
    const total = lines.reduce((s, l) => s + l.amountOre, 0);
    const f = computeFinancing(
      input({ lines, grantRequestedOre: Math.floor(total / 2), ownCashOre: Math.ceil(total / 2), ownHoursOre: 0 }),
    );
    expect(f.budgetTotalOre).toBe(total);
    expect(f.differenceOre).toBe(0);
    expect(f.categories.reduce((s, c) => s + c.amountOre, 0)).toBe(total);
  });
});

describe('the LAG start-date rule: no start before the LAG has received the application', () => {
  it('flags a start before the day the LAG received it, and allows the same day', () => {
    const base = { today: '2012-03-10', status: 'submitted' as const };
    const early = startDateChecks({ ...base, periodStart: '2012-02-28', submittedAt: '2012-03-01' });
    expect(early.map((c) => c.message)).toEqual([
      'Projektet starter 28.02.2012, før LAG modtog ansøgningen (01.03.2012). Projektet må ikke starte, før LAG har modtaget ansøgningen.',
    ]);
    expect(startDateChecks({ ...base, periodStart: '2012-03-01', submittedAt: '2012-03-01' })).toEqual([]);
  });

  it('flags a start that has already passed while the application is not yet submitted', () => {
    expect(startDateChecks({ today: '2012-03-10', status: 'drafting', periodStart: '2012-03-01' })).toHaveLength(1);
    expect(startDateChecks({ today: '2012-03-10', status: 'drafting', periodStart: '2012-03-10' })).toEqual([]);
    expect(startDateChecks({ today: '2012-03-10', status: 'idea', periodStart: '2012-04-01' })).toEqual([]);
  });
});

describe('LAG status rules', () => {
  it('follows idea → drafting → submitted → recommended → approved/rejected → paid → closed', () => {
    const path = ['idea', 'drafting', 'submitted', 'recommended', 'approved', 'paid', 'closed'] as const;
    for (let i = 0; i + 1 < path.length; i++) expect(canMoveLag(path[i] as never, path[i + 1] as never)).toBe(true);
    expect(canMoveLag('recommended', 'rejected')).toBe(true);
    expect(canMoveLag('submitted', 'rejected')).toBe(true);
  });

  it('never skips the LAG, never moves back, and ends at closed', () => {
    expect(canMoveLag('drafting', 'approved')).toBe(false);
    expect(canMoveLag('idea', 'submitted')).toBe(false);
    expect(canMoveLag('approved', 'drafting')).toBe(false);
    expect(canMoveLag('rejected', 'paid')).toBe(false);
    expect(LAG_TRANSITIONS.closed).toEqual([]);
    for (const s of LAG_STATUSES) expect(canMoveLag(s, s)).toBe(false);
  });
});
