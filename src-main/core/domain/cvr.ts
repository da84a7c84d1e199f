/** CVR and P-number rules from docs/domain.md: modulus 11 with weights 2,7,6,5,4,3,2,1. */
const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** Strips spaces, dashes and a "DK" prefix so "DK 13 74 81 36" and "13748136" are the same CVR. */
export function normaliseCvr(input: string): string {
  return input.replace(/^\s*DK/i, '').replace(/[\s-]/g, '');
}

export function isValidCvr(input: string): boolean {
  const cvr = normaliseCvr(input);
  if (!/^\d{8}$/.test(cvr) || cvr.startsWith('0')) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(cvr[i]) * (CVR_WEIGHTS[i] ?? 0);
  return sum % 11 === 0;
}

/** Completes 7 digits with the check digit, or returns undefined when none exists (remainder 1). */
export function cvrCheckDigit(first7: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(first7[i]) * (CVR_WEIGHTS[i] ?? 0);
  const digit = (11 - (sum % 11)) % 11;
  return digit === 10 ? undefined : digit;
}

const P_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

export function normalisePNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** P-numbers: 10 digits; a checksum failure is only a warning (a series was issued with wrong weights). */
export function checkPNumber(input: string): { ok: boolean; warning?: 'checksum' } {
  const p = normalisePNumber(input);
  if (!/^\d{10}$/.test(p)) return { ok: false };
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(p[i]) * (P_WEIGHTS[i] ?? 0);
  return sum % 11 === 0 ? { ok: true } : { ok: true, warning: 'checksum' };
}
