/**
 * Money in the UI: the API stores whole øre; the consultant types and reads Danish kroner
 * ("25.000,00"). A copy of core/domain/money.ts's rules, because the renderer imports no core values.
 */
const ORE_PER_KRONE = 100;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 2500000 → "25.000,00 kr." (or without the suffix for an input's value). */
export function formatMoney(ore: number, opts: { suffix?: boolean } = {}): string {
  const n = Math.round(ore);
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  const kroner = groupThousands(String(Math.floor(abs / ORE_PER_KRONE)));
  const rest = String(abs % ORE_PER_KRONE).padStart(2, '0');
  return `${sign}${kroner},${rest}${opts.suffix === false ? '' : ' kr.'}`;
}

/**
 * "25.000,00", "25000", "1.234,5 kr." → øre. Empty text is null; anything that is not clearly one
 * amount (such as "1,234.50" or "abc") is undefined so the form can say so.
 */
export function parseMoney(input: string): number | null | undefined {
  const s = input
    .trim()
    .replace(/^kr\.?\s*/i, '')
    .replace(/\s*(kr\.?|dkk)$/i, '')
    .replace(/\s/g, '');
  if (s === '') return null;
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  const value = Number((m[1] ?? '').replace(/\./g, '')) * ORE_PER_KRONE + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Basis points as Danish text: 4523 → "45,2 %". */
export function formatPercent(basisPoints: number, decimals = 1): string {
  return `${(basisPoints / 100).toFixed(decimals).replace('.', ',')} %`;
}

/** The value an amount input starts with: "" for nothing, "25.000,00" otherwise. */
export function moneyInput(ore: number | null | undefined): string {
  return ore === null || ore === undefined ? '' : formatMoney(ore, { suffix: false });
}
