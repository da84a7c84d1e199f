import type { Database } from 'better-sqlite3';
import { COMPANY_FIELDS, type CompanyFieldDef, inDisplayOrder } from '../../../../src-shared/fields/companies';
import { CONTACT_FIELDS } from '../../../../src-shared/fields/contacts';
import { labelKey } from '../../../../src-shared/messages/code-labels';
import { COMPANY_JOINS, shownValue } from '../../companies/company-columns';
import { type Locale, type MessageKey, message } from '../../messages';
import { entityByKey } from '../entities';
import { entitySheet, fieldColumn } from './entity-sheets';
import { columnIndex, type SheetColumn, type SheetSpec, type SheetValue, sheetRows } from './sheet-types';

const c = (key: string, label: SheetColumn['label'], kind: SheetColumn['kind'], width: number): SheetColumn => ({
  key,
  label,
  kind,
  width,
});

/** A stored code (`aps`, `active`) as its label; the few codes are looked up once per batch, not per row. */
function labelCache<K extends string>(
  codes: readonly K[],
  key: (code: K) => MessageKey,
  locale: Locale,
): (value: SheetValue | undefined) => string | null {
  const seen = new Map<string, string>();
  return (value) => {
    if (typeof value !== 'string' || !value) return null;
    let text = seen.get(value);
    if (text === undefined) {
      // The columns' CHECK constraints allow only listed codes; anything else is shown as stored.
      text = (codes as readonly string[]).includes(value) ? message(key(value as K), {}, locale) : value;
      seen.set(value, text);
    }
    return text;
  };
}

/** The companies sheet: the registry's fields that have a sheet column, in the order a person reads them. */
const COMPANY_SHEET_FIELDS = inDisplayOrder((COMPANY_FIELDS as readonly CompanyFieldDef[]).filter((x) => x.sheet));
const COMPANY_COLUMNS: readonly SheetColumn[] = COMPANY_SHEET_FIELDS.map((x) => ({
  ...fieldColumn(x),
  key: x.shows?.prop ?? x.prop,
}));
/** Stored codes (a legal form, a status) are written as their labels. */
const CODE_COLUMNS = COMPANY_SHEET_FIELDS.flatMap((x, i) =>
  x.codeLabels && x.enum ? [{ i, codes: x.enum, key: labelKey[x.codeLabels] as (code: string) => MessageKey }] : [],
);

/** Yes/no columns (from the register) as words; unknown stays empty. */
const COMPANY_BOOLEANS = COMPANY_SHEET_FIELDS.flatMap((x, i) => (x.type === 'boolean' ? [i] : []));

export const companiesSheet: SheetSpec = {
  entity: 'companies',
  label: 'sheet.companies',
  columns: COMPANY_COLUMNS,
  rows: function* (db: Database, ids: string, locale: Locale) {
    // json_each drives the join so rows come out in the order of the ids (the caseload's order);
    // the owner is the one the caseload shows, kept on the company row by triggers (migration 60).
    const codes = CODE_COLUMNS.map(({ i, codes, key }) => ({ i, label: labelCache(codes, key, locale) }));
    const yes = message('common.yes', {}, locale);
    const no = message('common.no', {}, locale);
    for (const r of sheetRows(
      db,
      `SELECT ${COMPANY_SHEET_FIELDS.map(shownValue).join(', ')}
       FROM json_each(?) j JOIN companies c ON c.id = j.value ${COMPANY_JOINS}
       ORDER BY j.key`,
      ids,
      COMPANY_COLUMNS.length,
    )) {
      for (const { i, label } of codes) r[i] = label(r[i]);
      for (const b of COMPANY_BOOLEANS) if (r[b] !== null) r[b] = r[b] === 1 ? yes : no;
      yield r;
    }
  },
};

/** The contacts sheet: the firm (its id, name and CVR), then each contact field the registry gives a column. */
const CONTACT_SHEET_FIELDS = CONTACT_FIELDS.filter((x) => x.sheet);
const CONTACT_COLUMNS: readonly SheetColumn[] = [
  c('companyUuid', 'sheet.column.companyId', 'text', 38),
  c('company', 'sheet.column.company', 'text', 30),
  c('cvr', 'sheet.column.cvr', 'digits', 11),
  ...CONTACT_SHEET_FIELDS.map(fieldColumn),
];
const CONTACT_BOOLEANS = CONTACT_SHEET_FIELDS.filter((x) => x.type === 'boolean').map((x) =>
  columnIndex(CONTACT_COLUMNS, x.prop),
);

export const contactsSheet: SheetSpec = {
  entity: 'contacts',
  label: 'sheet.contacts',
  columns: CONTACT_COLUMNS,
  rows: function* (db: Database, ids: string, locale: Locale) {
    const yes = message('common.yes', {}, locale);
    const no = message('common.no', {}, locale);
    for (const r of sheetRows(
      db,
      `SELECT c.uuid, c.name, c.cvr, ${CONTACT_SHEET_FIELDS.map((x) => `o.${x.column}`).join(', ')}
       FROM json_each(?) j JOIN companies c ON c.id = j.value JOIN contacts o ON o.company_id = c.id
       ORDER BY j.key, o.is_owner DESC, o.id`,
      ids,
      CONTACT_COLUMNS.length,
    )) {
      for (const b of CONTACT_BOOLEANS) r[b] = r[b] === 1 ? yes : no;
      yield r;
    }
  },
};

/** Entities with a generic sheet (entity-sheets.ts): company history a programme office reads. */
const HISTORY = [
  'visits',
  'followups',
  'referrals',
  'lagApplications',
  'lagBudgetLines',
  'knowledgeContacts',
  'networkMembers',
  'documents',
];

/** Every entity that has a sheet, in workbook order; `--entity` names one of these. */
export const SHEETS: readonly SheetSpec[] = [
  companiesSheet,
  contactsSheet,
  ...HISTORY.flatMap((key) => {
    const entity = entityByKey(key);
    return entity ? [entitySheet(entity)] : [];
  }),
];
