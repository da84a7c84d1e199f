import { describe, expect, it } from 'vitest';
import { mondayOf } from '../../../../src-main/core/week/week-query';

describe('the week "Min uge" shows', () => {
  it('starts on the Monday of the day it is seen from, a Sunday included', () => {
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2026-12-13')).toBe('2026-12-07');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });
});
