/**
 * De minimis aid (docs/domain.md "De minimis"). The sector a grant is made under decides which
 * regulation's ceiling applies; `general` is Regulation 1407/2013 and, from 2024, 2023/2831.
 */
export const DE_MINIMIS_SECTORS = ['general', 'agriculture', 'fisheries'] as const;
export type DeMinimisSector = (typeof DE_MINIMIS_SECTORS)[number];

/** Where an entry in a firm's ledger comes from: typed by hand, or read from a grant Bindeled records. */
export const DE_MINIMIS_SOURCES = ['manual', 'referral', 'lag'] as const;
export type DeMinimisSource = (typeof DE_MINIMIS_SOURCES)[number];

/**
 * How the three years are counted: the current and the two previous fiscal years (the older
 * regulations), or any rolling period of three years ending on the grant date (the newer ones).
 */
export const DE_MINIMIS_PERIODS = ['fiscal_years', 'rolling_years'] as const;
export type DeMinimisPeriod = (typeof DE_MINIMIS_PERIODS)[number];

/**
 * The krone's ERM II central rate. The regulations convert at the Commission's rate on the grant
 * date; offline Bindeled uses the central rate, which the krone stays within 2.25 % of.
 */
export const DKK_PER_EUR = 7.46038;

/** Øre → euro cents at the central rate, rounded to the nearest cent. */
export function oreToEurCents(ore: number): number {
  return Math.round(ore / DKK_PER_EUR);
}

/** Euro cents → øre at the central rate. */
export function eurCentsToOre(cents: number): number {
  return Math.round(cents * DKK_PER_EUR);
}
