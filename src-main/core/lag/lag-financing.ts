import { eurCentsToOre, oreToEurCents } from '../../../src-shared/codes/deminimis';
import { formatDateDa } from '../../../src-shared/format/dates';
import { formatEuro, formatMoney, formatPercent, shareBasisPoints } from '../../../src-shared/format/money';
import { type DeMinimisStatus, ruleFor } from '../deminimis/rules';
import { type Locale, type MessageKey, message } from '../messages';
import type { CheckSeverity, FinancingSummary, LagCheck, LagStatus, SupportScheme } from './lag-schema';

/** docs/domain.md: LAG grants normally cover at most 50 % of eligible costs, 40 % for food-processing SMEs. */
export const DEFAULT_MAX_GRANT_BP = 5000;
export const DEFAULT_MAX_GRANT_BP_FOOD = 4000;

export type SchemeLimits = Pick<
  SupportScheme,
  'name' | 'maxGrantBp' | 'maxGrantBpFood' | 'minAmountOre' | 'maxAmountOre' | 'ownHoursAllowed' | 'deMinimis'
>;

export interface FinancingInput {
  lines: ReadonlyArray<{ category: string; amountOre: number }>;
  grantRequestedOre: number;
  ownCashOre: number;
  ownHoursOre: number;
  otherPublicOre: number;
  foodProcessing: boolean;
  scheme: SchemeLimits | null;
  deMinimisPriorOre?: number | null;
  /**
   * The firm's de minimis ledger on the grant date, without this application's own grant. When it
   * is known it replaces the typed prior aid; without it the typed figure is checked against the
   * general ceiling in force on `today`.
   */
  deMinimis?: DeMinimisStatus | null;
  periodStart?: string | null;
  submittedAt?: string | null;
  deadline?: string | null;
  status?: LagStatus;
  /** ISO date the checks are made on (tests pass a fixed one). */
  today: string;
}

/**
 * The arithmetic of a LAG application: budget, financing, the grant's share of eligible costs and
 * every rule it breaks. Pure, so the form can preview it and the letter repeats the same figures.
 */
export function computeFinancing(input: FinancingInput, locale: Locale = 'da'): FinancingSummary {
  const checks: LagCheck[] = [];
  const add = (code: MessageKey, severity: CheckSeverity, params: Record<string, unknown> = {}) =>
    checks.push({ code, severity, message: message(code, params, locale) });

  const budgetTotalOre = input.lines.reduce((sum, l) => sum + l.amountOre, 0);
  const financingTotalOre = input.grantRequestedOre + input.ownCashOre + input.ownHoursOre + input.otherPublicOre;
  const scheme = input.scheme;
  const maxGrantBp = input.foodProcessing
    ? (scheme?.maxGrantBpFood ?? Math.min(scheme?.maxGrantBp ?? DEFAULT_MAX_GRANT_BP_FOOD, DEFAULT_MAX_GRANT_BP_FOOD))
    : (scheme?.maxGrantBp ?? DEFAULT_MAX_GRANT_BP);
  // Rounded down: the largest grant in whole øre that stays within the share.
  const maxGrantOre = Math.floor((budgetTotalOre * maxGrantBp) / 10_000);

  const byCategory = new Map<string, number>();
  for (const l of input.lines) byCategory.set(l.category, (byCategory.get(l.category) ?? 0) + l.amountOre);
  const categories = [...byCategory].map(([category, amountOre]) => ({
    category,
    amountOre,
    shareBp: shareBasisPoints(amountOre, budgetTotalOre),
  }));

  if (input.lines.length === 0) add('lag.check.noBudget', 'warning');
  if (!scheme) add('lag.check.noScheme', 'warning', { max: formatPercent(maxGrantBp, 0) });
  // Compared in integers, so 50.00 % exactly is allowed and 50.004 % is not.
  if (budgetTotalOre > 0 && input.grantRequestedOre * 10_000 > budgetTotalOre * maxGrantBp) {
    add('lag.check.grantShareHigh', 'error', {
      amount: formatMoney(input.grantRequestedOre),
      share: formatPercent(shareBasisPoints(input.grantRequestedOre, budgetTotalOre)),
      max: formatPercent(maxGrantBp, 0),
      maxAmount: formatMoney(maxGrantOre),
    });
  }
  if (budgetTotalOre === 0 && input.grantRequestedOre > 0) add('lag.check.grantWithoutBudget', 'error');
  if (scheme?.minAmountOre != null && input.grantRequestedOre < scheme.minAmountOre) {
    add('lag.check.grantBelowMin', 'warning', {
      amount: formatMoney(input.grantRequestedOre),
      min: formatMoney(scheme.minAmountOre),
    });
  }
  if (scheme?.maxAmountOre != null && input.grantRequestedOre > scheme.maxAmountOre) {
    add('lag.check.grantAboveMax', 'error', {
      amount: formatMoney(input.grantRequestedOre),
      max: formatMoney(scheme.maxAmountOre),
    });
  }
  if (financingTotalOre !== budgetTotalOre) {
    add('lag.check.financingMismatch', 'warning', {
      financing: formatMoney(financingTotalOre),
      budget: formatMoney(budgetTotalOre),
      difference: formatMoney(financingTotalOre - budgetTotalOre),
    });
  }
  if (input.ownHoursOre > 0 && scheme && !scheme.ownHoursAllowed) add('lag.check.ownHoursNotAllowed', 'error');
  if (scheme?.deMinimis) {
    const d = input.deMinimis;
    if (d) {
      const grantEur = oreToEurCents(input.grantRequestedOre);
      const own = d.limits[0];
      if (grantEur > d.headroomEurCents && own) {
        add('lag.check.deMinimis', 'error', {
          grant: formatMoney(input.grantRequestedOre),
          grantEur: formatEuro(grantEur),
          headroom: formatEuro(d.headroomEurCents),
          date: formatDateDa(d.on),
          regulation: own.regulation,
        });
      }
    } else {
      const rule = ruleFor('general', input.today);
      const total = input.grantRequestedOre + (input.deMinimisPriorOre ?? 0);
      const cap = eurCentsToOre(rule.ceilingEurCents);
      if (total > cap) {
        add('lag.check.deMinimisPrior', 'error', {
          total: formatMoney(total),
          ceiling: formatEuro(rule.ceilingEurCents),
          cap: formatMoney(cap),
          regulation: rule.regulation,
        });
      }
    }
  }
  checks.push(...startDateChecks(input, locale));
  if (input.deadline && input.deadline < input.today && (input.status === 'idea' || input.status === 'drafting')) {
    add('lag.check.deadlinePassed', 'warning', { deadline: formatDateDa(input.deadline) });
  }

  return {
    budgetTotalOre,
    grantRequestedOre: input.grantRequestedOre,
    ownCashOre: input.ownCashOre,
    ownHoursOre: input.ownHoursOre,
    otherPublicOre: input.otherPublicOre,
    financingTotalOre,
    differenceOre: financingTotalOre - budgetTotalOre,
    grantShareBp: shareBasisPoints(input.grantRequestedOre, budgetTotalOre),
    publicShareBp: shareBasisPoints(input.grantRequestedOre + input.otherPublicOre, budgetTotalOre),
    maxGrantBp,
    maxGrantOre,
    categories,
    checks,
    deMinimis: input.deMinimis?.limits[0]
      ? {
          on: input.deMinimis.on,
          regulation: input.deMinimis.limits[0].regulation,
          ceilingEurCents: input.deMinimis.limits[0].ceilingEurCents,
          countedEurCents: input.deMinimis.limits[0].countedEurCents,
          headroomEurCents: input.deMinimis.headroomEurCents,
        }
      : null,
  };
}

/**
 * The project may not start before the LAG has received the application (docs/domain.md). Once it is
 * submitted the receipt date is known; before that, a start date that has already passed can
 * no longer be right.
 */
export function startDateChecks(
  input: Pick<FinancingInput, 'periodStart' | 'submittedAt' | 'status' | 'today'>,
  locale: Locale = 'da',
): LagCheck[] {
  const start = input.periodStart;
  if (!start) return [];
  if (input.submittedAt) {
    if (start < input.submittedAt) {
      return [
        {
          code: 'lag.check.startBeforeReceived',
          severity: 'error',
          message: message(
            'lag.check.startBeforeReceived',
            { start: formatDateDa(start), received: formatDateDa(input.submittedAt) },
            locale,
          ),
        },
      ];
    }
    return [];
  }
  if (start < input.today && (input.status === undefined || input.status === 'idea' || input.status === 'drafting')) {
    return [
      {
        code: 'lag.check.startBeforeSubmission',
        severity: 'error',
        message: message('lag.check.startBeforeSubmission', { start: formatDateDa(start) }, locale),
      },
    ];
  }
  return [];
}
