import type { Database } from 'better-sqlite3';
import { type Locale, message } from '../../messages';
import { entityByKey } from '../entities';
import { entitySheet } from './entity-sheets';
import { columnIndex, type SheetColumn, type SheetSpec, type SheetValue, sheetRows } from './sheet-types';

const c = (key: string, label: SheetColumn['label'], kind: SheetColumn['kind'], width: number): SheetColumn => ({
  key,
  label,
  kind,
  width,
});

/** A stored code (`aps`, `active`) as its label; the few codes are looked up once per batch, not per row. */
function labelCache(prefix: string, locale: Locale): (value: SheetValue | undefined) => string | null {
  const seen = new Map<string, string>();
  return (value) => {
    if (typeof value !== 'string' || !value) return null;
    let text = seen.get(value);
    if (text === undefined) {
      text = message(`${prefix}${value}`, {}, locale);
      seen.set(value, text);
    }
    return text;
  };
}

/** The companies sheet; its SELECT below returns these columns in this order (sheetRows checks the count). */
const COMPANY_COLUMNS: readonly SheetColumn[] = [
  c('uuid', 'col_uuid', 'text', 38),
  c('name', 'col_name', 'text', 34),
  c('cvr', 'col_cvr', 'digits', 11),
  c('pNumber', 'col_p_number', 'digits', 12),
  c('legalForm', 'col_legal_form', 'text', 16),
  c('address', 'col_address', 'text', 28),
  c('postcode', 'col_postcode', 'digits', 8),
  c('city', 'col_city', 'text', 16),
  c('kommune', 'col_kommune', 'text', 16),
  c('industryCode', 'col_industry', 'industry', 12),
  c('employees', 'col_employees', 'integer', 10),
  c('founded', 'col_founded', 'date', 12),
  c('phone', 'col_phone', 'text', 14),
  c('email', 'col_email', 'text', 26),
  c('website', 'col_website', 'text', 24),
  c('status', 'col_status', 'text', 16),
  c('statusReason', 'col_status_reason', 'text', 24),
  c('consultant', 'col_consultant', 'text', 20),
  c('owner', 'col_owner', 'text', 22),
  c('createdAt', 'col_created', 'stamp', 17),
  c('updatedAt', 'col_updated', 'stamp', 17),
];
const LEGAL_FORM = columnIndex(COMPANY_COLUMNS, 'legalForm');
const STATUS = columnIndex(COMPANY_COLUMNS, 'status');

export const companiesSheet: SheetSpec = {
  entity: 'companies',
  label: 'sheet_companies',
  columns: COMPANY_COLUMNS,
  rows: function* (db: Database, ids: string, locale: Locale) {
    // json_each drives the join so rows come out in the order of the ids (the caseload's order);
    // the owner is the one the caseload shows, kept on the company row by triggers (migration 60).
    const legalForms = labelCache('legal_form_', locale);
    const statuses = labelCache('status_', locale);
    for (const r of sheetRows(
      db,
      `SELECT c.uuid, c.name, c.cvr, c.p_number AS pNumber, c.legal_form AS legalForm, c.address, c.postcode,
        c.city, k.name AS kommune, c.industry_code AS industryCode, c.employees, c.founded, c.phone, c.email, c.website,
        c.status, c.status_reason AS statusReason, s.name AS consultant, c.owner_name AS owner,
        c.created_at AS createdAt, c.updated_at AS updatedAt
       FROM json_each(?) j JOIN companies c ON c.id = j.value
       LEFT JOIN kommuner k ON k.code = c.kommune_code LEFT JOIN consultants s ON s.id = c.consultant_id
       ORDER BY j.key`,
      ids,
      COMPANY_COLUMNS.length,
    )) {
      r[LEGAL_FORM] = legalForms(r[LEGAL_FORM]);
      r[STATUS] = statuses(r[STATUS]);
      yield r;
    }
  },
};

const CONTACT_COLUMNS: readonly SheetColumn[] = [
  c('companyUuid', 'col_company_id', 'text', 38),
  c('company', 'col_company', 'text', 30),
  c('cvr', 'col_cvr', 'digits', 11),
  c('uuid', 'col_uuid', 'text', 38),
  c('name', 'col_name', 'text', 26),
  c('role', 'col_role', 'text', 18),
  c('phone', 'col_phone', 'text', 14),
  c('email', 'col_email', 'text', 26),
  c('isOwner', 'col_is_owner', 'text', 8),
  c('createdAt', 'col_created', 'stamp', 17),
  c('updatedAt', 'col_updated', 'stamp', 17),
];
const IS_OWNER = columnIndex(CONTACT_COLUMNS, 'isOwner');

export const contactsSheet: SheetSpec = {
  entity: 'contacts',
  label: 'sheet_contacts',
  columns: CONTACT_COLUMNS,
  rows: function* (db: Database, ids: string, locale: Locale) {
    const yes = message('yes', {}, locale);
    const no = message('no', {}, locale);
    for (const r of sheetRows(
      db,
      `SELECT c.uuid AS companyUuid, c.name AS company, c.cvr, o.uuid, o.name, o.role, o.phone, o.email,
        o.is_owner AS isOwner, o.created_at AS createdAt, o.updated_at AS updatedAt
       FROM json_each(?) j JOIN companies c ON c.id = j.value JOIN contacts o ON o.company_id = c.id
       ORDER BY j.key, o.is_owner DESC, o.id`,
      ids,
      CONTACT_COLUMNS.length,
    )) {
      r[IS_OWNER] = r[IS_OWNER] === 1 ? yes : no;
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
