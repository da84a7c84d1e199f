import { defaultIndustrySystem, type IndustrySystem } from '../../../src-shared/codes/industry';
import {
  apiName,
  COMPANY_FORM,
  type CompanyFieldDef,
  FORM_FIELDS,
  type FormField,
  inputName,
} from '../../../src-shared/fields/companies';
import { todayIso } from '../../../src-shared/format/dates';
import type { Company, CompanyCreateInput, CompanyStatus, Consultant, LegalForm } from '../api/types';
import { formatDate, formatIndustry, parseWholeNumber } from '../lib/format';

/**
 * The company form holds text as typed; this module turns it into API fields and back. It has no
 * React and no DOM so the rules are unit-tested.
 */
export { FORM_FIELDS, type FormField };
export type FormValues = Record<FormField, string>;
export type ApiFields = Partial<CompanyCreateInput>;
export type FieldErrors = Partial<Record<FormField, string>>;

export function emptyValues(): FormValues {
  const out = Object.fromEntries(FORM_FIELDS.map((f) => [f, ''])) as FormValues;
  out.status = 'identified';
  out.industrySystem = defaultIndustrySystem(todayIso());
  return out;
}

/** A stored value as the form shows it: dates and industry codes the Danish way, a consultant by name. */
function shown(def: CompanyFieldDef, c: Company): string {
  const record = c as unknown as Record<string, string | number | null>;
  if (def.input?.createOnly) return '';
  const value = record[def.shows && def.ref ? def.shows.prop : apiName(def)] ?? null;
  if (def.type === 'date') return formatDate(value as string | null);
  if (def.sheet?.kind === 'industry') return formatIndustry(value as string | null);
  return value === null ? '' : String(value);
}

export function valuesFromCompany(c: Company): FormValues {
  return Object.fromEntries(COMPANY_FORM.map(({ field, def }) => [field, shown(def, c)])) as FormValues;
}

/**
 * The API names a field differently from the form where the form shows a name for an id (the
 * consultant, sent as an id or as the name of a new one).
 */
const FORM_FIELD_OF_INPUT = new Map(COMPANY_FORM.map(({ field, def }) => [inputName(def), field]));

export function formFieldOf(apiField: string): FormField | undefined {
  return FORM_FIELD_OF_INPUT.get(apiField === 'consultantName' ? 'consultantId' : apiField);
}

/** Fields sent as typed: trimmed, empty as null. */
const TEXT_FIELDS = COMPANY_FORM.filter(
  ({ def }) => !def.required && !def.enum && !def.ref && (def.type === 'text' || def.type === 'date'),
).map(({ field }) => field as TextField);
type TextField = {
  [K in FormField]: K extends keyof ApiFields ? (string | null extends ApiFields[K] ? K : never) : never;
}[FormField];

function textOrNull(v: string): string | null {
  const s = v.trim();
  return s === '' ? null : s;
}

/**
 * Converts the given form fields to API input. The consultant is resolved by the caller (it may
 * need creating); text that cannot be a number is reported instead of being sent.
 */
export function toApiFields(
  values: Partial<FormValues>,
  consultantId?: number | null,
): { fields: ApiFields; parseErrors: Partial<Record<FormField, 'field.employeesNotNumber'>> } {
  const fields: ApiFields = {};
  const parseErrors: Partial<Record<FormField, 'field.employeesNotNumber'>> = {};
  for (const key of TEXT_FIELDS) {
    const v = values[key];
    if (v !== undefined) fields[key] = textOrNull(v);
  }
  if (values.name !== undefined) fields.name = values.name.trim();
  if (values.legalForm !== undefined)
    fields.legalForm = values.legalForm === '' ? null : (values.legalForm as LegalForm);
  if (values.kommuneCode !== undefined)
    fields.kommuneCode = values.kommuneCode === '' ? null : Number(values.kommuneCode);
  if (values.status !== undefined && values.status !== '') fields.status = values.status as CompanyStatus;
  if (values.industrySystem !== undefined && values.industrySystem !== '')
    fields.industrySystem = values.industrySystem as IndustrySystem;
  if (values.employees !== undefined) {
    const n = parseWholeNumber(values.employees);
    if (n === undefined) parseErrors.employees = 'field.employeesNotNumber';
    else fields.employees = n;
  }
  if (values.consultant !== undefined && consultantId !== undefined) fields.consultantId = consultantId;
  return { fields, parseErrors };
}

/** The fields whose text differs from what the form started with. */
export function changedFields(initial: FormValues, current: FormValues): FormField[] {
  return FORM_FIELDS.filter((f) => initial[f].trim() !== current[f].trim());
}

export function pick(values: FormValues, fields: readonly FormField[]): Partial<FormValues> {
  return Object.fromEntries(fields.map((f) => [f, values[f]])) as Partial<FormValues>;
}

/**
 * A typed consultant name: an existing consultant's id (case and spacing ignored), null for none,
 * or 'new' when the name must first be added.
 */
export function matchConsultant(name: string, consultants: readonly Consultant[]): number | null | 'new' {
  const wanted = name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
  if (wanted === '') return null;
  const found = consultants.find((c) => c.name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da') === wanted);
  return found ? found.id : 'new';
}
