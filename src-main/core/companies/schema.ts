import { z } from 'zod';
import {
  COMPANY_FIELDS,
  type CompanyFieldDef,
  type CompanyRecord,
  companyField,
  type InputField,
  type InputName,
  inputMax,
  inputName,
} from '../../../src-shared/fields/companies';

/**
 * The shape of a company as the UI and files send it, built from the field registry
 * (src-shared/fields/companies.ts). Format rules live here; rules that need the database or
 * today's date (checksum, uniqueness, known kommune) live in validate.ts.
 * Zod messages are message keys (core/messages), translated by the dispatcher.
 */
const text = (max: number) =>
  z
    .string()
    .max(max, { message: 'validation.tooLong' })
    .transform((v) => v.trim())
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
const requiredText = (max: number) =>
  z
    .string()
    .max(max, { message: 'validation.tooLong' })
    .transform((v) => v.trim());
const code = <const E extends readonly string[]>(values: E) => z.enum(values).optional();
const optionalCode = <const E extends readonly string[]>(values: E) => z.enum(values).nullable().optional();
const wholeNumber = () => z.number().int().nullable().optional();

type ZodFor<F> = F extends { enum: infer E extends readonly string[] }
  ? F extends { required: true }
    ? ReturnType<typeof code<E>>
    : ReturnType<typeof optionalCode<E>>
  : F extends { ref: string } | { type: 'integer' }
    ? ReturnType<typeof wholeNumber>
    : F extends { required: true }
      ? ReturnType<typeof requiredText>
      : ReturnType<typeof text>;
type Shape<Fs> = { -readonly [F in Fs as InputName<F>]: ZodFor<F> };

function zodFor(x: CompanyFieldDef): z.ZodType {
  if (x.enum) return x.required ? code(x.enum) : optionalCode(x.enum);
  // A reference is written as the local id of the row it points to.
  if (x.ref) return z.number().int().positive().nullable().optional();
  const range = x.input?.range;
  if (range) {
    const message = { message: range.message };
    return z.number(message).int(message).min(range.min, message).max(range.max, message).nullable().optional();
  }
  if (x.type === 'integer') return wholeNumber();
  const max = inputMax(x) ?? 100_000;
  return x.required ? requiredText(max) : text(max);
}

const inputs: readonly CompanyFieldDef[] = COMPANY_FIELDS.filter((x: CompanyFieldDef) => x.input);
const shape = (list: readonly CompanyFieldDef[]) => Object.fromEntries(list.map((x) => [inputName(x), zodFor(x)]));

// The shapes are built from the registry at run time; their types follow the same entries (ZodFor).
export const companyFieldsSchema = z.object(
  shape(inputs.filter((x) => !x.input?.createOnly)) as Shape<Exclude<InputField, { input: { createOnly: true } }>>,
);

export const companyCreateSchema = companyFieldsSchema.extend(
  shape(inputs.filter((x) => x.input?.createOnly)) as Shape<Extract<InputField, { input: { createOnly: true } }>>,
);
export type CompanyCreateInput = z.input<typeof companyCreateSchema>;
export type CompanyCreate = z.output<typeof companyCreateSchema>;

/** Update sends only the fields that changed; `cvr` may only be set where none was recorded. */
export const companyUpdateSchema = z.object({
  id: z.number().int().positive(),
  changes: companyFieldsSchema.partial(),
});
export type CompanyUpdateInput = z.input<typeof companyUpdateSchema>;

export const cvrCorrectionSchema = z.object({
  id: z.number().int().positive(),
  cvr: z
    .string()
    .max(inputMax(companyField('cvr')) ?? 0)
    .nullable(),
  reason: z
    .string()
    .trim()
    .min(1, { message: 'validation.reasonRequired' })
    .max(500, { message: 'validation.tooLong' }),
});

/** A company as the API returns it (the registry's fields under their API names). */
export type Company = CompanyRecord;

/** Non-blocking notes about a record (docs/domain.md: eligibility is flagged, never enforced). */
export interface CompanyWarning {
  field: string;
  message: string;
}
