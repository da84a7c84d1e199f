/**
 * Money is stored as whole øre (INTEGER) so sums never drift; it is shown the Danish way,
 * "1.234,50 kr.", with a decimal comma and a thousands dot (docs/domain.md). Letters, the CLI and
 * the forms all format and read amounts here.
 */
export const ORE_PER_KRONE = 100;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 123450 → "1.234,50 kr."; a negative amount keeps its sign: "-50,00 kr.". */
export function formatMoney(ore: number, opts: { suffix?: boolean } = {}): string {
  const n = Math.round(ore);
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  const kroner = groupThousands(String(Math.floor(abs / ORE_PER_KRONE)));
  const rest = String(abs % ORE_PER_KRONE).padStart(2, '0');
  return `${sign}${kroner},${rest}${opts.suffix === false ? '' : ' kr.'}`;
}

/** Whole kroner without decimals, for figures in prose: "50.000 kr.". */
export function formatKroner(ore: number): string {
  const kr = Math.round(ore / ORE_PER_KRONE);
  return `${kr < 0 ? '-' : ''}${groupThousands(String(Math.abs(kr)))} kr.`;
}

function stripCurrency(input: string): string {
  return input
    .trim()
    .replace(/^kr\.?\s*/i, '')
    .replace(/\s*(kr\.?|dkk)$/i, '')
    .replace(/\s/g, '');
}

/**
 * Reads an amount as a Danish user types it: "1.234,50", "1234,5", "1.234 kr.", "kr. 500".
 * Returns øre, or undefined for anything that is not clearly one amount (such as "1,234.50").
 */
export function parseMoney(input: string): number | undefined {
  const m = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(stripCurrency(input));
  if (!m) return undefined;
  const kroner = Number((m[2] ?? '').replace(/\./g, ''));
  const ore = Number((m[3] ?? '').padEnd(2, '0'));
  const value = kroner * ORE_PER_KRONE + ore;
  if (!Number.isSafeInteger(value)) return undefined;
  return m[1] ? -value : value;
}

/**
 * An amount field in a form: empty text is null (nothing entered), and amounts a consultant types
 * there are never negative, so a sign is as unreadable as "abc" (undefined, so the form can say so).
 */
export function parseMoneyInput(input: string): number | null | undefined {
  const s = stripCurrency(input);
  if (s === '') return null;
  if (s.startsWith('-')) return undefined;
  return parseMoney(s);
}

/** The value an amount input starts with: "" for nothing, "25.000,00" otherwise. */
export function moneyInput(ore: number | null | undefined): string {
  return ore === null || ore === undefined ? '' : formatMoney(ore, { suffix: false });
}

/**
 * A share in basis points (1 % = 100) as Danish text with one decimal: 4523 → "45,2 %".
 * Basis points keep percentages in integers, as scheme limits are stored.
 */
export function formatPercent(basisPoints: number, decimals = 1): string {
  const pct = basisPoints / 100;
  return `${pct.toFixed(decimals).replace('.', ',')} %`;
}

/** part / whole in basis points, rounded half up; 0 when the whole is 0. */
export function shareBasisPoints(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((part * 10_000) / whole);
}

/** Euro cents the Danish way: 30000000 → "300.000,00 EUR" (de minimis ceilings are set in euro). */
export function formatEuro(cents: number): string {
  return `${formatMoney(cents, { suffix: false })} EUR`;
}
