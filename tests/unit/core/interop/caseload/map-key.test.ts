import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapKey } from '../../../../../src-main/core/interop/caseload/caseload-plan';

describe('the keys an import holds for every record', () => {
  it('tells two keys apart exactly when their texts differ, uuids and other keys alike', () => {
    const key = fc.oneof(
      fc.uuid(),
      fc.uuid().map((u) => u.toUpperCase()),
      fc.string({ maxLength: 10 }),
    );
    fc.assert(
      fc.property(key, key, (a, b) => {
        expect(mapKey(a) === mapKey(b)).toBe(a === b);
      }),
      { numRuns: 5000 },
    );
  });

  it('holds a uuid as eight units', () => {
    expect(mapKey('0123abcd-4567-89ef-0123-456789abcdef')).toHaveLength(8);
  });
});
