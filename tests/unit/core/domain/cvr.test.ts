import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPNumber, cvrCheckDigit, isValidCvr, normaliseCvr } from '../../../../src-main/core/domain/cvr';

describe('CVR numbers (modulus 11, weights 2,7,6,5,4,3,2,1)', () => {
  it('accepts the valid numbers from docs/domain.md', () => {
    expect(isValidCvr('13748136')).toBe(true);
    expect(isValidCvr('24256790')).toBe(true);
  });

  it('refuses a wrong check digit, wrong length and letters', () => {
    expect(isValidCvr('24256791')).toBe(false);
    expect(isValidCvr('1374813')).toBe(false);
    expect(isValidCvr('137481366')).toBe(false);
    expect(isValidCvr('1374813a')).toBe(false);
    expect(isValidCvr('')).toBe(false);
  });

  it('accepts spaces and a DK prefix on input', () => {
    expect(normaliseCvr('DK 13 74 81 36')).toBe('13748136');
    expect(isValidCvr('dk13748136')).toBe(true);
    expect(isValidCvr(' 2425 6790 ')).toBe(true);
  });

  it('validates every generated number that has a check digit, and no single-digit change of it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000, max: 9_999_999 }), fc.integer({ min: 0, max: 7 }), (n, pos) => {
        const first7 = String(n);
        const check = cvrCheckDigit(first7);
        if (check === undefined) return;
        const cvr = `${first7}${check}`;
        expect(isValidCvr(cvr)).toBe(true);
        const digits = cvr.split('');
        digits[pos] = String((Number(digits[pos]) + 1) % 10);
        const changed = digits.join('');
        // Weight 1..7 never makes a +1 change a multiple of 11, so every single-digit typo is caught.
        if (!changed.startsWith('0')) expect(isValidCvr(changed)).toBe(false);
      }),
    );
  });
});

describe('P-numbers', () => {
  it('needs 10 digits and only warns about the checksum', () => {
    expect(checkPNumber('123').ok).toBe(false);
    const r = checkPNumber('1234567890');
    expect(r.ok).toBe(true);
  });
});
