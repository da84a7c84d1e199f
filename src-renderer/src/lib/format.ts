/** Danish display formats (docs/domain.md): thousands dot, dd.mm.yyyy, industry codes dd.dd.dd. */

const COUNT = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const SHARE = new Intl.NumberFormat('da-DK', { style: 'percent', maximumFractionDigits: 1 });

/** `1234` → `1.234` (Danish grouping from Intl, also for four digits). */
export function formatCount(n: number): string {
  return COUNT.format(Math.trunc(n));
}

/** A share of 1 as a Danish percentage: `0.095` → `9,5 %`. */
export function formatShare(fraction: number): string {
  return SHARE.format(fraction);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A plain date (`2011-10-17`) is shown as it is; a timestamp (`2011-10-17T22:30:00Z`) is shown in
 * local time, because a change made late in the evening belongs to that evening's date.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${plain[3]}.${plain[2]}.${plain[1]}`;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${formatDate(value)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `011100` → `01.11.00`; anything that is not six digits is shown unchanged. */
export function formatIndustry(code: string | null | undefined): string {
  if (!code) return '';
  const digits = code.replace(/\D/g, '');
  if (digits.length !== 6) return code;
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}`;
}

/**
 * Reads a whole number as a consultant types it (`1.200`, ` 12 `); empty is null, and text that is
 * not a whole number is `undefined` so the form can say so.
 */
export function parseWholeNumber(text: string): number | null | undefined {
  const s = text.trim().replace(/[.\s]/g, '');
  if (s === '') return null;
  return /^\d+$/.test(s) ? Number(s) : undefined;
}
