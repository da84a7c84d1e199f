import { COMPANY_STATUSES, LEGAL_FORMS } from '../codes/companies';
import { INDUSTRY_SYSTEMS } from '../codes/industry';
import type { MessageKey } from '../messages';
import type { labelKey } from '../messages/code-labels';
import { CONTACT_FIELDS } from './contacts';
import type { FieldDef } from './field-types';
import { CONSULTANT_FIELDS } from './reference';

const RECORD_TYPES = ['registered', 'unregistered'] as const;

const maxOf = (fields: readonly FieldDef[], prop: string): number => fields.find((x) => x.prop === prop)?.max ?? 0;

/**
 * A company's field. Besides what every stored field has (FieldDef), a company field says how
 * each place a person meets it shows it: the API and the form, the CSV/XLSX sheet, the import.
 */
export interface CompanyFieldDef extends FieldDef {
  /** Not in the caseload file: the local id, and what the database keeps for itself. */
  readonly file?: false;
  /** Listed first (after the firm's id) wherever a person reads or maps the fields: a firm is known by its name. */
  readonly first?: true;
  /** Its name in the API when that is not `prop`: a reference is read and written by its local id. */
  readonly api?: string;
  /** A stored code shown as its label: the `labelKey` list that names its codes (also read back on import). */
  readonly codeLabels?: keyof typeof labelKey;
  /**
   * The row a stored code or id points to, whose name is read beside it (the API, sheets) and
   * which a spreadsheet gives by name. `max`: the longest such name.
   */
  readonly shows?: {
    readonly prop: string;
    readonly table: string;
    readonly key: string;
    readonly column: string;
    readonly max?: number;
  };
  /**
   * The API and the form write it. `as`: the name written when it differs; `max`: the longest text
   * accepted before it is normalised (a CVR typed "DK 12 34 56 78"); `createOnly`: only a new
   * firm gives it; `range`: a whole number's bounds and the message when it is outside them.
   */
  readonly input?: {
    readonly as?: string;
    readonly max?: number;
    readonly createOnly?: true;
    readonly range?: { readonly min: number; readonly max: number; readonly message: MessageKey };
  };
  /**
   * A spreadsheet column can be mapped to it (as `as` when the name differs). Headers are compared
   * normalised (header-guess.ts): `exact` names the field, `contains` points to it when nothing matched exactly.
   */
  readonly import?: { readonly as?: string; readonly exact: readonly string[]; readonly contains: readonly string[] };
  /** The company form has it (as `as` when the name differs); `max` limits typing where the input has no length. */
  readonly form?: { readonly as?: string; readonly max?: number };
}

/**
 * Every field of a company, in the order the API returns them and the caseload file writes them.
 * Adding a field is one entry here, one migration adding its column and its place in the form's
 * layout (docs/contributing.md); everything else is made from this list.
 */
export const COMPANY_FIELDS = [
  { prop: 'id', column: 'id', type: 'integer', required: true, file: false },
  {
    prop: 'uuid',
    column: 'uuid',
    type: 'uuid',
    required: true,
    label: 'sheet.column.uuid',
    sheet: { kind: 'text', width: 38 },
    import: { exact: ['id', 'uuid', 'bindeledid', 'virksomhedsid', 'companyid'], contains: [] },
  },
  { prop: 'recordType', column: 'record_type', type: 'text', required: true, enum: RECORD_TYPES, input: {} },
  {
    prop: 'cvr',
    column: 'cvr',
    type: 'text',
    max: 8,
    label: 'sheet.column.cvr',
    input: { max: 20 },
    sheet: { kind: 'digits', width: 11 },
    import: {
      exact: ['cvr', 'cvrnr', 'cvrnummer', 'cvrno', 'cvrnumber', 'vat', 'vatno', 'vatnumber', 'senr'],
      contains: ['cvr'],
    },
    form: {},
  },
  {
    prop: 'pNumber',
    column: 'p_number',
    type: 'text',
    max: 10,
    label: 'sheet.column.pNumber',
    input: { max: 20 },
    sheet: { kind: 'digits', width: 12 },
    import: { exact: ['pnr', 'pnummer', 'pno', 'pnumber', 'productionunit'], contains: ['pnummer'] },
    form: {},
  },
  {
    prop: 'name',
    column: 'name',
    type: 'text',
    max: 200,
    required: true,
    first: true,
    label: 'sheet.column.name',
    input: {},
    sheet: { kind: 'text', width: 34 },
    import: {
      exact: [
        'navn',
        'firmanavn',
        'firma',
        'virksomhed',
        'virksomhedsnavn',
        'virksomhedensnavn',
        'name',
        'companyname',
        'company',
        'business',
        'businessname',
      ],
      contains: ['firmanavn', 'virksomhedsnavn', 'companyname'],
    },
    form: {},
  },
  {
    prop: 'legalForm',
    column: 'legal_form',
    type: 'text',
    enum: LEGAL_FORMS,
    codeLabels: 'legalFormShort',
    label: 'sheet.column.legalForm',
    input: {},
    sheet: { kind: 'text', width: 16 },
    import: {
      exact: ['selskabsform', 'virksomhedsform', 'ejerform', 'legalform', 'companytype', 'form'],
      contains: ['selskabsform', 'virksomhedsform'],
    },
    form: {},
  },
  {
    prop: 'address',
    column: 'address',
    type: 'text',
    max: 200,
    label: 'sheet.column.address',
    input: {},
    sheet: { kind: 'text', width: 28 },
    import: {
      exact: ['adresse', 'vejnavn', 'gade', 'address', 'street', 'streetaddress'],
      contains: ['adresse', 'address'],
    },
    form: {},
  },
  {
    prop: 'postcode',
    column: 'postcode',
    type: 'text',
    max: 10,
    label: 'sheet.column.postcode',
    input: {},
    sheet: { kind: 'digits', width: 8 },
    import: {
      exact: ['postnr', 'postnummer', 'post', 'zip', 'zipcode', 'postcode', 'postalcode'],
      contains: ['postnr', 'postnum', 'zip', 'postcode', 'postalcode'],
    },
    form: {},
  },
  {
    prop: 'city',
    column: 'city',
    type: 'text',
    max: 100,
    label: 'sheet.column.city',
    input: {},
    sheet: { kind: 'text', width: 16 },
    import: { exact: ['by', 'bynavn', 'postdistrikt', 'city', 'town'], contains: ['postdistrikt'] },
    form: {},
  },
  {
    prop: 'kommuneCode',
    column: 'kommune_code',
    type: 'integer',
    label: 'sheet.column.kommune',
    shows: { prop: 'kommune', table: 'kommuner', key: 'code', column: 'name' },
    input: {},
    sheet: { kind: 'text', width: 16 },
    import: {
      as: 'kommune',
      exact: ['kommune', 'kommunenavn', 'kommunekode', 'kommunenr', 'municipality'],
      contains: ['kommune', 'municipality'],
    },
    form: {},
  },
  {
    prop: 'industryCode',
    column: 'industry_code',
    type: 'text',
    max: 6,
    label: 'sheet.column.industry',
    input: { max: 12 },
    sheet: { kind: 'industry', width: 12 },
    import: {
      exact: ['branchekode', 'branche', 'db07', 'db07kode', 'industrycode', 'industry', 'nace', 'nacecode'],
      contains: ['branchekode', 'industrycode'],
    },
    form: {},
  },
  {
    prop: 'industrySystem',
    column: 'industry_system',
    type: 'text',
    max: 20,
    required: true,
    enum: INDUSTRY_SYSTEMS,
    input: {},
    form: {},
  },
  {
    prop: 'employees',
    column: 'employees',
    type: 'integer',
    label: 'sheet.column.employees',
    input: { range: { min: 0, max: 100_000, message: 'validation.employeesRange' } },
    sheet: { kind: 'integer', width: 10 },
    import: {
      exact: [
        'antalansatte',
        'ansatte',
        'medarbejdere',
        'antalmedarbejdere',
        'employees',
        'numberofemployees',
        'headcount',
        'staff',
      ],
      contains: ['ansatte', 'medarbejdere', 'employees'],
    },
    form: { max: 10 },
  },
  {
    prop: 'founded',
    column: 'founded',
    type: 'date',
    label: 'sheet.column.founded',
    input: { max: 10 },
    sheet: { kind: 'date', width: 12 },
    import: {
      exact: [
        'stiftet',
        'stiftelsesdato',
        'etableret',
        'etableringsdato',
        'startdato',
        'founded',
        'foundingdate',
        'established',
        'startdate',
      ],
      contains: ['stiftet', 'stiftelse', 'etableret', 'founded'],
    },
    form: {},
  },
  {
    prop: 'phone',
    column: 'phone',
    type: 'text',
    max: 40,
    label: 'sheet.column.phone',
    input: {},
    sheet: { kind: 'text', width: 14 },
    import: {
      exact: [
        'telefon',
        'tlf',
        'tlfnr',
        'telefonnr',
        'telefonnummer',
        'mobil',
        'phone',
        'telephone',
        'mobile',
        'phonenumber',
      ],
      contains: ['telefon', 'tlf', 'phone'],
    },
    form: {},
  },
  {
    prop: 'email',
    column: 'email',
    type: 'text',
    max: 200,
    label: 'sheet.column.email',
    input: {},
    sheet: { kind: 'text', width: 26 },
    import: { exact: ['email', 'mail', 'emailadresse', 'mailadresse', 'emailaddress'], contains: ['mail'] },
    form: {},
  },
  {
    prop: 'website',
    column: 'website',
    type: 'text',
    max: 300,
    label: 'sheet.column.website',
    input: {},
    sheet: { kind: 'text', width: 24 },
    import: {
      exact: ['hjemmeside', 'web', 'website', 'url', 'www', 'webside', 'homepage'],
      contains: ['hjemmeside', 'website'],
    },
    form: {},
  },
  {
    prop: 'status',
    column: 'status',
    type: 'text',
    required: true,
    enum: COMPANY_STATUSES,
    codeLabels: 'companyStatus',
    label: 'sheet.column.status',
    input: {},
    sheet: { kind: 'text', width: 16 },
    import: { exact: ['status', 'sagsstatus'], contains: [] },
    form: {},
  },
  {
    prop: 'statusReason',
    column: 'status_reason',
    type: 'text',
    max: 500,
    label: 'sheet.column.statusReason',
    input: {},
    sheet: { kind: 'text', width: 24 },
    import: { exact: ['statusbegrundelse', 'begrundelse', 'statusreason'], contains: ['begrundelse'] },
    form: {},
  },
  {
    // From the CVR register (core/interop/cvr): protected firms are left out of campaign exports.
    prop: 'reklamebeskyttet',
    column: 'reklamebeskyttet',
    type: 'boolean',
    label: 'sheet.column.reklamebeskyttet',
    sheet: { kind: 'text', width: 10 },
  },
  {
    // From the CVR register: the firm has ceased. It is flagged, never deleted (its history stays).
    prop: 'ceased',
    column: 'ceased',
    type: 'boolean',
    label: 'sheet.column.ceased',
    sheet: { kind: 'text', width: 8 },
  },
  {
    prop: 'consultant',
    column: 'consultant_id',
    type: 'text',
    ref: 'consultants',
    api: 'consultantId',
    label: 'sheet.column.consultant',
    shows: {
      prop: 'consultant',
      table: 'consultants',
      key: 'id',
      column: 'name',
      max: maxOf(CONSULTANT_FIELDS, 'name'),
    },
    input: {},
    sheet: { kind: 'text', width: 20 },
    import: {
      exact: ['konsulent', 'sagsbehandler', 'erhvervskonsulent', 'ansvarlig', 'consultant', 'adviser', 'advisor'],
      contains: ['konsulent', 'consultant'],
    },
    form: {},
  },
  {
    // The owner is a contact person (added with a new firm); the database keeps the name on the firm's row.
    prop: 'owner',
    column: 'owner_name',
    type: 'text',
    max: maxOf(CONTACT_FIELDS, 'name'),
    file: false,
    label: 'sheet.column.owner',
    input: { as: 'ownerName', createOnly: true },
    sheet: { kind: 'text', width: 22 },
    import: {
      as: 'ownerName',
      exact: [
        'ejer',
        'indehaver',
        'ejernavn',
        'kontaktperson',
        'kontakt',
        'owner',
        'contact',
        'contactperson',
        'director',
        'direktør',
      ],
      contains: ['indehaver', 'kontaktperson', 'owner'],
    },
    form: { as: 'ownerName' },
  },
  {
    // Tags live in company_tags (the caseload file carries them there); the database keeps them
    // joined on the firm's row, for the caseload's column and the sheets. Written through tags.*.
    prop: 'tags',
    column: 'tags_text',
    type: 'text',
    max: 4000,
    file: false,
    label: 'sheet.column.tags',
    sheet: { kind: 'text', width: 28 },
  },
  {
    prop: 'createdAt',
    column: 'created_at',
    type: 'timestamp',
    required: true,
    label: 'sheet.column.created',
    sheet: { kind: 'stamp', width: 17 },
  },
  {
    prop: 'updatedAt',
    column: 'updated_at',
    type: 'timestamp',
    required: true,
    label: 'sheet.column.updated',
    sheet: { kind: 'stamp', width: 17 },
  },
] as const satisfies readonly CompanyFieldDef[];

export type CompanyField = (typeof COMPANY_FIELDS)[number];

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ApiName<F> = F extends { api: infer A extends string }
  ? A
  : F extends { prop: infer P extends string }
    ? P
    : never;
type ValueOf<F> = F extends { enum: readonly (infer E)[] }
  ? E
  : F extends { ref: string }
    ? number
    : F extends { type: 'integer' | 'real' }
      ? number
      : F extends { type: 'boolean' }
        ? boolean
        : string;
type ReadValue<F> = F extends { required: true } ? ValueOf<F> : ValueOf<F> | null;
type ShownName<F> = F extends { shows: { prop: infer S extends string } } ? S : never;

/** A company as the API returns it: every field under its API name, and the names its codes show. */
export type CompanyRecord = Simplify<
  { -readonly [F in CompanyField as ApiName<F>]: ReadValue<F> } & {
    -readonly [F in CompanyField as ShownName<F>]: string | null;
  }
>;

export type InputField = Extract<CompanyField, { input: object }>;
export type InputName<F> = F extends { input: { as: infer A extends string } } ? A : ApiName<F>;
export type ImportField = CompanyField extends infer F
  ? F extends { import: { as: infer A extends string } }
    ? A
    : F extends { import: object; prop: infer P extends string }
      ? P
      : never
  : never;
export type FormField = CompanyField extends infer F
  ? F extends { form: { as: infer A extends string } }
    ? A
    : F extends { form: object; prop: infer P extends string }
      ? P
      : never
  : never;
/** The stored columns the API writes, with their values once checked (validate.ts). */
export type CompanyColumnValues = Simplify<{
  -readonly [F in Exclude<InputField, { input: { createOnly: true } }> as F['column']]?: ReadValue<F>;
}>;

const fields: readonly CompanyFieldDef[] = COMPANY_FIELDS;

export const apiName = (x: CompanyFieldDef): string => x.api ?? x.prop;
export const inputName = (x: CompanyFieldDef): string => x.input?.as ?? apiName(x);
export function companyField(prop: CompanyField['prop']): CompanyFieldDef {
  const found = fields.find((x) => x.prop === prop);
  if (!found) throw new Error(`no company field ${prop}`);
  return found;
}

/** The longest text the API accepts for a field, before it is normalised. */
export const inputMax = (x: CompanyFieldDef): number | undefined => x.input?.max ?? x.max ?? x.shows?.max;

/** The order a person reads the fields in: the firm's id, then what leads (its name), then the rest as stored. */
export function inDisplayOrder<T extends CompanyFieldDef>(list: readonly T[]): T[] {
  const rank = (x: T) => (x.type === 'uuid' ? 0 : x.first ? 1 : 2);
  return [...list].sort((a, b) => rank(a) - rank(b));
}

/** The company's fields in the caseload file, as every entity lists them. */
export const COMPANY_FILE_FIELDS: readonly FieldDef[] = fields
  .filter((x) => x.file !== false)
  .map(({ prop, column, type, required, enum: values, max, ref, description }) => ({
    prop,
    column,
    type,
    ...(required !== undefined && { required }),
    ...(values && { enum: values }),
    ...(max !== undefined && { max }),
    ...(ref && { ref }),
    ...(description && { description }),
  }));

/** What a spreadsheet column can be mapped to, in the wizard's order. */
export const COMPANY_IMPORTS = inDisplayOrder(fields.filter((x) => x.import)).map((x) => ({
  field: (x.import?.as ?? x.prop) as ImportField,
  label: x.label ?? x.prop,
  exact: x.import?.exact ?? [],
  contains: x.import?.contains ?? [],
  def: x,
}));
export const IMPORT_FIELDS: readonly ImportField[] = COMPANY_IMPORTS.map((x) => x.field);
/** The import field that fills each field the API writes (the wizard maps "kommune", the API writes kommuneCode). */
export const IMPORT_FIELD_OF_INPUT: Readonly<Record<string, ImportField>> = Object.fromEntries(
  COMPANY_IMPORTS.filter((x) => x.def.input).map((x) => [inputName(x.def), x.field]),
);

/** The company form's fields, in the form's order. */
export const COMPANY_FORM = inDisplayOrder(fields.filter((x) => x.form)).map((x) => ({
  field: (x.form?.as ?? x.prop) as FormField,
  def: x,
}));
export const FORM_FIELDS: readonly FormField[] = COMPANY_FORM.map((x) => x.field);

/** The longest text the form lets a consultant type into a field. */
export function formMaxLength(field: FormField): number | undefined {
  const def = COMPANY_FORM.find((x) => x.field === field)?.def;
  return def && (def.form?.max ?? inputMax(def));
}
