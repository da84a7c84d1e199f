import type { Company, CompanyCreateInput, CompanyStatus, Consultant, LegalForm } from '../api/types';
import { formatDate, formatIndustry, parseWholeNumber } from '../lib/format';

/**
 * The company form holds text as typed; this module turns it into API fields and back. It has no
 * React and no DOM so the rules are unit-tested.
 */
export const FORM_FIELDS = [
  'name',
  'cvr',
  'pNumber',
  'legalForm',
  'address',
  'postcode',
  'city',
  'kommuneCode',
  'industryCode',
  'employees',
  'founded',
  'phone',
  'email',
  'website',
  'status',
  'statusReason',
  'consultant',
  'ownerName',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FormValues = Record<FormField, string>;
export type ApiFields = Partial<CompanyCreateInput>;
export type FieldErrors = Partial<Record<FormField, string>>;

export function emptyValues(): FormValues {
  const out = Object.fromEntries(FORM_FIELDS.map((f) => [f, ''])) as FormValues;
  out.status = 'identified';
  return out;
}

export function valuesFromCompany(c: Company): FormValues {
  return {
    name: c.name,
    cvr: c.cvr ?? '',
    pNumber: c.pNumber ?? '',
    legalForm: c.legalForm ?? '',
    address: c.address ?? '',
    postcode: c.postcode ?? '',
    city: c.city ?? '',
    kommuneCode: c.kommuneCode === null ? '' : String(c.kommuneCode),
    industryCode: formatIndustry(c.industryCode),
    employees: c.employees === null ? '' : String(c.employees),
    founded: formatDate(c.founded),
    phone: c.phone ?? '',
    email: c.email ?? '',
    website: c.website ?? '',
    status: c.status,
    statusReason: c.statusReason ?? '',
    consultant: c.consultant ?? '',
    ownerName: '',
  };
}

/** The API names a field differently from the form in one place: the consultant is sent as an id or a new name. */
export function formFieldOf(apiField: string): FormField | undefined {
  const name = apiField === 'consultantId' || apiField === 'consultantName' ? 'consultant' : apiField;
  return (FORM_FIELDS as readonly string[]).includes(name) ? (name as FormField) : undefined;
}

const TEXT_FIELDS = [
  'cvr',
  'pNumber',
  'address',
  'postcode',
  'city',
  'industryCode',
  'founded',
  'phone',
  'email',
  'website',
  'statusReason',
  'ownerName',
] as const satisfies readonly FormField[];

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
