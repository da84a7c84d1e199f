import type { Database } from 'better-sqlite3';
import { validateCompanyFields } from '../../companies/validate';
import { get } from '../../db/sql';
import { COMPANY_STATUSES, LEGAL_FORMS } from '../../domain/company-status';
import { isValidCvr, normaliseCvr } from '../../domain/cvr';
import { danishSortKey } from '../../domain/sort-key';
import { DomainError, type FieldIssue } from '../../errors';
import { message } from '../../messages';
import type { EntitySpec, MatchResult } from './entity-types';
import { f, ref, stamps, text, uuid } from './field-kit';

const FIELD_OF_COLUMN: Record<string, string> = {
  record_type: 'recordType',
  p_number: 'pNumber',
  legal_form: 'legalForm',
  kommune_code: 'kommuneCode',
  industry_code: 'industryCode',
  status_reason: 'statusReason',
};
const COLUMNS = [
  'record_type',
  'cvr',
  'p_number',
  'name',
  'legal_form',
  'address',
  'postcode',
  'city',
  'kommune_code',
  'industry_code',
  'employees',
  'founded',
  'phone',
  'email',
  'website',
  'status',
  'status_reason',
];

/** A company is matched by CVR first, then by Bindeled's id (firms without CVR). */
function match(
  db: Database,
  _record: Record<string, unknown>,
  values: Record<string, unknown>,
): MatchResult | undefined {
  const cvr = typeof values.cvr === 'string' ? normaliseCvr(values.cvr) : null;
  const byCvr =
    cvr && isValidCvr(cvr)
      ? get<{ id: number; name: string }>(db, 'SELECT id, name FROM companies WHERE cvr = ?', [cvr])
      : undefined;
  const byUuid = get<{ id: number; name: string; cvr: string | null }>(
    db,
    'SELECT id, name, cvr FROM companies WHERE uuid = ?',
    [values.uuid],
  );
  if (byCvr && byUuid && byCvr.id !== byUuid.id) {
    return {
      conflict: {
        field: 'cvr',
        message: 'import.row.matchConflict',
        params: { cvrName: byCvr.name, uuidName: byUuid.name },
      },
    };
  }
  if (!byCvr && byUuid && byUuid.cvr !== null && cvr !== null && byUuid.cvr !== cvr) {
    return { conflict: { field: 'cvr', message: 'validation.cvrLocked' } };
  }
  const found = byCvr ?? byUuid;
  return found ? { id: found.id } : undefined;
}

/**
 * The same rules as the company form (validate.ts), on the file's column values. One exception:
 * "closing a case takes a reason" is a rule about closing; a file carries a case that was closed
 * elsewhere (perhaps before the rule), and a handover must not reopen or refuse it.
 */
function validate(db: Database, values: Record<string, unknown>, selfId: number | undefined): FieldIssue[] {
  const input: Record<string, unknown> = {};
  for (const c of COLUMNS) if (c in values) input[FIELD_OF_COLUMN[c] ?? c] = values[c];
  try {
    const clean = validateCompanyFields(db, input, { selfId, requireName: true });
    Object.assign(values, clean);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const issues = err.fields.filter((i) => i.message !== 'company.statusReasonRequired');
    if (issues.length) return issues;
    // Only the closing rule objected: validate again without the status, keep the file's status.
    const { status, ...rest } = input;
    Object.assign(values, validateCompanyFields(db, rest, { selfId, requireName: true }), { status });
  }
  if (values.record_type === 'registered' && !values.cvr)
    return [{ field: 'cvr', message: 'validation.cvrMissingForRegistered' }];
  return [];
}

export const companiesEntity: EntitySpec = {
  key: 'companies',
  table: 'companies',
  label: 'sheet.companies',
  description: message('interop.entity.companies'),
  role: 'company',
  identity: ['uuid'],
  refKey: 'uuid',
  fields: [
    uuid(),
    f('recordType', 'record_type', 'text', { required: true, enum: ['registered', 'unregistered'] }),
    text('cvr', 'cvr', 8),
    text('pNumber', 'p_number', 10),
    text('name', 'name', 200, true),
    f('legalForm', 'legal_form', 'text', { enum: LEGAL_FORMS }),
    text('address', 'address', 200),
    text('postcode', 'postcode', 10),
    text('city', 'city', 100),
    f('kommuneCode', 'kommune_code', 'integer'),
    text('industryCode', 'industry_code', 6),
    text('industrySystem', 'industry_system', 20, true),
    f('employees', 'employees', 'integer'),
    f('founded', 'founded', 'date'),
    text('phone', 'phone', 40),
    text('email', 'email', 200),
    text('website', 'website', 300),
    f('status', 'status', 'text', { required: true, enum: COMPANY_STATUSES }),
    text('statusReason', 'status_reason', 500),
    ref('consultant', 'consultant_id', 'consultants'),
    ...stamps(),
  ],
  derived: ['name_sort', 'last_contact', 'next_followup', 'owner_name', 'kommune_name', 'consultant_name'],
  orderBy: 't.name_sort, t.id',
  match,
  validate,
  computed: (v) => (typeof v.name === 'string' ? { name_sort: danishSortKey(v.name) } : {}),
  audit: { entity: 'company', companyColumn: 'id' },
};
