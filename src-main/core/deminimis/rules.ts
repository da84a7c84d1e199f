import type { DeMinimisPeriod, DeMinimisSector, DeMinimisSource } from '../../../src-shared/codes/deminimis';

/**
 * The de minimis regulations and the dates they govern (docs/domain.md "De minimis", with the
 * sources). A grant is measured by the regulation in force on its grant date: that decides the
 * ceiling and how the three years are counted. Aid granted under an older regulation still counts
 * in a newer one's window.
 */
export interface DeMinimisRule {
  /** The regulation's number as it is cited, "2023/2831". */
  regulation: string;
  sector: DeMinimisSector;
  /** First grant date (ISO) the regulation, or its amendment, governs. */
  from: string;
  ceilingEurCents: number;
  period: DeMinimisPeriod;
}

const eur = (n: number) => n * 100;

/** Newest first within each sector, so the first rule whose `from` is on or before a date is the one. */
export const DE_MINIMIS_RULES: readonly DeMinimisRule[] = [
  {
    regulation: '2023/2831',
    sector: 'general',
    from: '2024-01-01',
    ceilingEurCents: eur(300_000),
    period: 'rolling_years',
  },
  {
    regulation: '1407/2013',
    sector: 'general',
    from: '2014-01-01',
    ceilingEurCents: eur(200_000),
    period: 'fiscal_years',
  },
  {
    regulation: '2024/3118',
    sector: 'agriculture',
    from: '2024-12-16',
    ceilingEurCents: eur(50_000),
    period: 'rolling_years',
  },
  {
    regulation: '2019/316',
    sector: 'agriculture',
    from: '2019-03-14',
    ceilingEurCents: eur(20_000),
    period: 'fiscal_years',
  },
  {
    regulation: '1408/2013',
    sector: 'agriculture',
    from: '2014-01-01',
    ceilingEurCents: eur(15_000),
    period: 'fiscal_years',
  },
  {
    regulation: '2023/2391',
    sector: 'fisheries',
    from: '2023-10-25',
    ceilingEurCents: eur(40_000),
    period: 'rolling_years',
  },
  {
    regulation: '717/2014',
    sector: 'fisheries',
    from: '2014-07-01',
    ceilingEurCents: eur(30_000),
    period: 'fiscal_years',
  },
];

/** The rule in force for a sector on a date; before the first one, the oldest (Bindeled's data starts in 2010). */
export function ruleFor(sector: DeMinimisSector, on: string): DeMinimisRule {
  const rules = DE_MINIMIS_RULES.filter((r) => r.sector === sector);
  return rules.find((r) => r.from <= on) ?? (rules[rules.length - 1] as DeMinimisRule);
}

/**
 * The first day whose aid counts for a grant on `on`. Fiscal years are taken as calendar years, as
 * for most Danish firms: the current and the two previous. A rolling period is the three years
 * ending on the grant date, so aid granted on the same day three years earlier has dropped out.
 */
export function windowStart(period: DeMinimisPeriod, on: string): string {
  const year = Number(on.slice(0, 4));
  if (period === 'fiscal_years') return `${year - 2}-01-01`;
  const month = Number(on.slice(5, 7));
  const day = Number(on.slice(8, 10));
  // 29 February three years back is 28 February; the day after it is 1 March.
  const back = new Date(Date.UTC(year - 3, month - 1, day === 29 && month === 2 ? 28 : day));
  back.setUTCDate(back.getUTCDate() + 1);
  return back.toISOString().slice(0, 10);
}

export interface AidEntry {
  /** Set for a manual entry (its row), the referral's or the LAG application's id otherwise. */
  id: number;
  source: DeMinimisSource;
  grantedOn: string;
  grantor: string;
  scheme: string | null;
  sector: DeMinimisSector;
  eurCents: number;
  ore: number | null;
  note: string | null;
}

export interface DeMinimisLimit {
  regulation: string;
  sector: DeMinimisSector;
  period: DeMinimisPeriod;
  from: string;
  to: string;
  ceilingEurCents: number;
  countedEurCents: number;
  headroomEurCents: number;
}

export interface DeMinimisStatus {
  on: string;
  sector: DeMinimisSector;
  /** The sector's own limit first; for agriculture and fisheries the general ceiling follows. */
  limits: DeMinimisLimit[];
  /** The tightest of the limits: what the firm may still receive on `on`. */
  headroomEurCents: number;
  aid: Array<AidEntry & { counted: boolean }>;
}

/** Whether a limit counts an entry: its sector (the general limit counts every sector) and its window. */
function countsIn(l: Pick<DeMinimisLimit, 'sector' | 'from' | 'to'>, a: AidEntry): boolean {
  return (l.sector === 'general' || a.sector === l.sector) && a.grantedOn >= l.from && a.grantedOn <= l.to;
}

function limitOf(rule: DeMinimisRule, on: string, aid: readonly AidEntry[]): DeMinimisLimit {
  const window = { sector: rule.sector, from: windowStart(rule.period, on), to: on };
  const countedEurCents = aid.filter((a) => countsIn(window, a)).reduce((sum, a) => sum + a.eurCents, 0);
  return {
    regulation: rule.regulation,
    sector: rule.sector,
    period: rule.period,
    from: window.from,
    to: on,
    ceilingEurCents: rule.ceilingEurCents,
    countedEurCents,
    headroomEurCents: Math.max(0, rule.ceilingEurCents - countedEurCents),
  };
}

/**
 * What a firm has received and may still receive on a date. Sector aid counts against its own
 * ceiling; all de minimis aid together counts against the general ceiling, because the sector
 * regulations allow cumulation with general aid only up to that ceiling (1408/2013 and 717/2014,
 * Article 5).
 */
export function deMinimisStatus(aid: readonly AidEntry[], sector: DeMinimisSector, on: string): DeMinimisStatus {
  const limits: DeMinimisLimit[] = [];
  if (sector !== 'general') limits.push(limitOf(ruleFor(sector, on), on, aid));
  limits.push(limitOf(ruleFor('general', on), on, aid));
  const sorted = [...aid].sort((a, b) =>
    a.grantedOn < b.grantedOn ? -1 : a.grantedOn > b.grantedOn ? 1 : a.id - b.id,
  );
  return {
    on,
    sector,
    limits,
    headroomEurCents: Math.min(...limits.map((l) => l.headroomEurCents)),
    aid: sorted.map((a) => ({
      ...a,
      counted: limits.some((l) => countsIn(l, a)),
    })),
  };
}
