import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyCreateSchema } from '../../../../../src-main/core/companies/schema';
import { quickCheck } from '../../../../../src-main/core/interop/rows/quick-check';
import { COMPANY_FIELDS, type CompanyFieldDef, inputName } from '../../../../../src-shared/fields/companies';

const ROW_SCHEMA = companyCreateSchema.partial();
const INPUTS = (COMPANY_FIELDS as readonly CompanyFieldDef[]).filter((x) => x.input);
const KEYS = [...INPUTS.map(inputName), 'notAField'];

/** Values an import row can hold, and a few it never should. */
const value = fc.oneof(
  fc.constantFrom(undefined, null, '', '  ', ' Hansen ', 'aps', 'active', 'registered', 'closed', 0, -1, 1, 7, 100_001),
  ...INPUTS.flatMap((x) => (x.enum ? [fc.constantFrom(...x.enum)] : [])),
  fc.string({ maxLength: 30 }),
  fc.string({ minLength: 190, maxLength: 260 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
);

describe('the import row check without zod', () => {
  it('accepts a row only when zod does, and gives back what zod gives back', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 }), (fields) => {
        const quick = quickCheck(fields as never);
        const zod = ROW_SCHEMA.safeParse(fields);
        if (quick === undefined) return;
        expect(zod.success).toBe(true);
        expect(quick).toEqual(zod.data);
      }),
      { numRuns: 5000 },
    );
  });

  it('vouches for the rows a spreadsheet usually holds', () => {
    const row = {
      name: ' Ådalens Gårdbutik ',
      cvr: '13748136',
      city: 'Hadsten',
      postcode: '8370',
      kommuneCode: 710,
      employees: 3,
      founded: '2001-05-01',
      status: 'visited',
      legalForm: 'aps',
      email: '',
      ownerName: 'Mette Jensen',
    };
    expect(quickCheck(row as never)).toEqual(ROW_SCHEMA.parse(row));
    expect(quickCheck(row as never)).toMatchObject({ name: 'Ådalens Gårdbutik', email: null });
  });
});
