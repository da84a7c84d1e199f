import type { Database } from 'better-sqlite3';
import { labelKey } from '../../../../src-shared/messages/code-labels';
import { COMPANY_STATUSES, LEGAL_FORMS } from '../../domain/company-status';
import { type Locale, type MessageKey, message } from '../../messages';
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

/** The companies sheet; its SELECT below returns these columns in this order (sheetRows checks the count). */
const COMPANY_COLUMNS: readonly SheetColumn[] = [
  c('uuid', 'sheet.column.uuid', 'text', 38),
  c('name', 'sheet.column.name', 'text', 34),
  c('cvr', 'sheet.column.cvr', 'digits', 11),
  c('pNumber', 'sheet.column.pNumber', 'digits', 12),
  c('legalForm', 'sheet.column.legalForm', 'text', 16),
  c('address', 'sheet.column.address', 'text', 28),
  c('postcode', 'sheet.column.postcode', 'digits', 8),
  c('city', 'sheet.column.city', 'text', 16),
  c('kommune', 'sheet.column.kommune', 'text', 16),
  c('industryCode', 'sheet.column.industry', 'industry', 12),
  c('employees', 'sheet.column.employees', 'integer', 10),
  c('founded', 'sheet.column.founded', 'date', 12),
  c('phone', 'sheet.column.phone', 'text', 14),
  c('email', 'sheet.column.email', 'text', 26),
  c('website', 'sheet.column.website', 'text', 24),
  c('status', 'sheet.column.status', 'text', 16),
  c('statusReason', 'sheet.column.statusReason', 'text', 24),
  c('consultant', 'sheet.column.consultant', 'text', 20),
  c('owner', 'sheet.column.owner', 'text', 22),
  c('createdAt', 'sheet.column.created', 'stamp', 17),
  c('updatedAt', 'sheet.column.updated', 'stamp', 17),
];
const LEGAL_FORM = columnIndex(COMPANY_COLUMNS, 'legalForm');
const STATUS = columnIndex(COMPANY_COLUMNS, 'status');

export const companiesSheet: SheetSpec = {
  entity: 'companies',
  label: 'sheet.companies',
  columns: COMPANY_COLUMNS,
  rows: function* (db: Database, ids: string, locale: Locale) {
    // json_each drives the join so rows come out in the order of the ids (the caseload's order);
    // the owner is the one the caseload shows, kept on the company row by triggers (migration 60).
    const legalForms = labelCache(LEGAL_FORMS, labelKey.legalFormShort, locale);
    const statuses = labelCache(COMPANY_STATUSES, labelKey.companyStatus, locale);
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
  c('companyUuid', 'sheet.column.companyId', 'text', 38),
  c('company', 'sheet.column.company', 'text', 30),
  c('cvr', 'sheet.column.cvr', 'digits', 11),
  c('uuid', 'sheet.column.uuid', 'text', 38),
  c('name', 'sheet.column.name', 'text', 26),
  c('role', 'sheet.column.role', 'text', 18),
  c('phone', 'sheet.column.phone', 'text', 14),
  c('email', 'sheet.column.email', 'text', 26),
  c('isOwner', 'sheet.column.isOwner', 'text', 8),
  c('createdAt', 'sheet.column.created', 'stamp', 17),
  c('updatedAt', 'sheet.column.updated', 'stamp', 17),
];
const IS_OWNER = columnIndex(CONTACT_COLUMNS, 'isOwner');

export const contactsSheet: SheetSpec = {
  entity: 'contacts',
  label: 'sheet.contacts',
  columns: CONTACT_COLUMNS,
  rows: function* (db: Database, ids: string, locale: Locale) {
    const yes = message('common.yes', {}, locale);
    const no = message('common.no', {}, locale);
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
