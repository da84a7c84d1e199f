import { COMPANY_FIELDS, type CompanyFieldDef, inputMax, inputName } from '../../../../src-shared/fields/companies';
import type { CompanyCreate } from '../../companies/schema';

/** What a check returns for a value it cannot vouch for. */
const UNSURE = Symbol('unsure');
type Check = (value: unknown) => unknown;

/**
 * The value a field of `companyCreateSchema.partial()` gives back for `value` when it certainly
 * accepts it, else UNSURE: the rules of schema.ts's zodFor, from the same registry entry.
 */
function checkFor(x: CompanyFieldDef): Check {
  if (x.enum) {
    const values = new Set<unknown>(x.enum);
    return (v) => (v === undefined || values.has(v) || (v === null && !x.required) ? v : UNSURE);
  }
  const range = x.input?.range;
  if (x.ref || range || x.type === 'integer') {
    const min = range?.min ?? (x.ref ? 1 : Number.MIN_SAFE_INTEGER);
    const max = range?.max ?? Number.MAX_SAFE_INTEGER;
    return (v) => (v == null || (Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max) ? v : UNSURE);
  }
  const max = inputMax(x) ?? 100_000;
  if (x.required) return (v) => (v === undefined ? v : typeof v === 'string' && v.length <= max ? v.trim() : UNSURE);
  return (v) => {
    if (v == null) return v;
    if (typeof v !== 'string' || v.length > max) return UNSURE;
    const trimmed = v.trim();
    return trimmed === '' ? null : trimmed;
  };
}

const CHECKS = new Map<string, Check>(
  (COMPANY_FIELDS as readonly CompanyFieldDef[]).filter((x) => x.input).map((x) => [inputName(x), checkFor(x)]),
);

/**
 * The row's fields as `companyCreateSchema.partial()` would give them back, without zod: zod
 * builds a few objects per field it parses, and at 100,000 rows of a dozen fields that was a
 * third of the check's time and most of its garbage. Undefined whenever a field is one the rules
 * here do not vouch for (a wrong type, too long, not one of the codes): the caller then asks zod,
 * so a refused row is refused with zod's own issues, word for word.
 * tests/unit/interop-quick-check.test.ts holds it to zod's answers.
 */
export function quickCheck(fields: Partial<CompanyCreate>): Partial<CompanyCreate> | undefined {
  const out: Record<string, unknown> = {};
  for (const key in fields) {
    const check = CHECKS.get(key);
    if (!check) return undefined;
    const value = check((fields as Record<string, unknown>)[key]);
    if (value === UNSURE) return undefined;
    out[key] = value;
  }
  return out as Partial<CompanyCreate>;
}
