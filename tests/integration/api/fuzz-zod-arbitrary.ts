import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries derived from a method's zod schema, so every contract method — new ones
 * included — gets inputs that look valid enough to reach its handler, not only junk that the
 * schema turns away at the door.
 */
interface Def {
  type: string;
  checks?: Array<{ _zod: { def: Record<string, unknown> } }>;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: z.ZodType;
  out?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function checks(def: Def): Array<Record<string, unknown>> {
  return (def.checks ?? []).map((c) => c._zod.def);
}

/** Strings a form would send: dates both ways, CVR numbers, e-mail, codes, Danish letters. */
const TYPICAL_STRINGS = [
  '',
  ' ',
  'Smedjen i Ry',
  'Ærø Østergård Åsted',
  '13748136',
  '24256790',
  '24256791',
  'DK 1374 8136',
  '01.03.2024',
  '2024-03-01',
  '31.02.2020',
  '10:30',
  '8370',
  '47.11.00',
  'mette@example.dk',
  'https://example.dk',
  'visit',
  'closed',
  '=HYPERLINK("x")',
  '\uFFFE\uFFFF',
  '../../etc/passwd',
  'a'.repeat(300),
];

function stringArb(def: Def): fc.Arbitrary<string> {
  let max = 400;
  let min = 0;
  for (const c of checks(def)) {
    if (c.check === 'max_length' && typeof c.maximum === 'number') max = c.maximum;
    if (c.check === 'min_length' && typeof c.minimum === 'number') min = c.minimum;
  }
  return fc.oneof(
    fc.constantFrom(...TYPICAL_STRINGS),
    fc.string({ minLength: min, maxLength: Math.min(max, 60) }),
    fc.string({ unit: 'grapheme', maxLength: Math.min(max + 2, 40) }),
  );
}

function numberArb(def: Def): fc.Arbitrary<number> {
  let lo = -1_000;
  let hi = 100_000;
  let int = false;
  for (const c of checks(def)) {
    if (c.check === 'greater_than' && typeof c.value === 'number') lo = c.value;
    if (c.check === 'less_than' && typeof c.value === 'number') hi = c.value;
    if (c.check === 'number_format') int = true;
  }
  const ints = fc.integer({ min: Math.max(lo, -(2 ** 31)), max: Math.min(hi, 2 ** 31 - 1) });
  const small = fc.integer({ min: Math.max(lo, 0), max: Math.min(Math.max(hi, 0), 12) });
  return int ? fc.oneof(small, ints) : fc.oneof(small, ints, fc.double({ noNaN: false, noDefaultInfinity: false }));
}

export function arbitraryFor(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 6) return fc.constant(undefined);
  switch (def.type) {
    case 'string':
      return stringArb(def);
    case 'number':
      return numberArb(def);
    case 'int':
      return fc.integer({ min: -5, max: 100_000 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { x: 'x' }));
    case 'optional':
      return fc.option(arbitraryFor(def.innerType as z.ZodType, depth + 1), { nil: undefined });
    case 'nullable':
      return fc.option(arbitraryFor(def.innerType as z.ZodType, depth + 1), { nil: null });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fc.option(arbitraryFor(def.innerType as z.ZodType, depth + 1), { nil: undefined });
    case 'pipe':
      return arbitraryFor(def.in as z.ZodType, depth + 1);
    case 'lazy':
      return def.getter ? arbitraryFor(def.getter(), depth + 1) : fc.jsonValue();
    case 'array':
      return fc.array(arbitraryFor(def.element as z.ZodType, depth + 1), { maxLength: 4 });
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map((i) => arbitraryFor(i, depth + 1)));
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => arbitraryFor(o, depth + 1)));
    case 'intersection':
      return fc
        .tuple(arbitraryFor(def.left as z.ZodType, depth + 1), arbitraryFor(def.right as z.ZodType, depth + 1))
        .map(([a, b]) => (isRecord(a) && isRecord(b) ? { ...a, ...b } : a));
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 10 }), arbitraryFor(def.valueType as z.ZodType, depth + 1), {
        maxKeys: 3,
      });
    case 'object': {
      const shape = def.shape ?? {};
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(shape)) fields[k] = arbitraryFor(v, depth + 1);
      return fc.record(fields, { requiredKeys: [] }).map((o) => dropUndefined(o));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

/** A valid-looking input with one thing broken: a field replaced, removed, or a stranger added. */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('replace', 'remove', 'add', 'wrap'))
    .map(([value, pick, junk, how]) => {
      if (!isRecord(value)) return how === 'wrap' ? [value] : junk;
      const keys = Object.keys(value);
      const key = keys.length ? (keys[pick % keys.length] as string) : 'x';
      const copy: Record<string, unknown> = { ...value };
      if (how === 'replace') copy[key] = junk;
      else if (how === 'remove') delete copy[key];
      else if (how === 'add') copy[`__${key}`] = junk;
      else return [copy];
      return copy;
    });
}
