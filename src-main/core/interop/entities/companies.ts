import type { Database } from 'better-sqlite3';
import {
  COMPANY_FIELDS,
  COMPANY_FILE_FIELDS,
  type CompanyFieldDef,
  inputName,
} from '../../../../src-shared/fields/companies';
import { validateCompanyFields } from '../../companies/validate';
import { get } from '../../db/sql';
import { isValidCvr, normaliseCvr } from '../../domain/cvr';
import { danishSortKey } from '../../domain/sort-key';
import { DomainError, type FieldIssue } from '../../errors';
import { message } from '../../messages';
import type { EntitySpec, MatchResult } from './entity-types';

/**
 * The file's own columns the company rules check (validate.ts), under the names those rules use;
 * references are resolved to local ids before this, so they are not checked again.
 */
const FILE_INPUTS = (COMPANY_FIELDS as readonly CompanyFieldDef[]).filter(
  (x) => x.input && !x.input.createOnly && x.file !== false && !x.ref,
);

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
  for (const x of FILE_INPUTS) if (x.column in values) input[inputName(x)] = values[x.column];
  // Another Bindeled accepted the firm's code (perhaps with an older table); it is kept as written.
  const opts = { selfId, requireName: true, onUnknownIndustry: () => {} };
  try {
    const clean = validateCompanyFields(db, input, opts);
    Object.assign(values, clean);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const issues = err.fields.filter((i) => i.message !== 'company.statusReasonRequired');
    if (issues.length) return issues;
    // Only the closing rule objected: validate again without the status, keep the file's status.
    const { status, ...rest } = input;
    Object.assign(values, validateCompanyFields(db, rest, opts), { status });
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
  fields: COMPANY_FILE_FIELDS,
  derived: ['name_sort', 'last_contact', 'next_followup', 'owner_name', 'kommune_name', 'consultant_name', 'tags_text'],
  orderBy: 't.name_sort, t.id',
  match,
  validate,
  computed: (v) => (typeof v.name === 'string' ? { name_sort: danishSortKey(v.name) } : {}),
  audit: { entity: 'company', companyColumn: 'id' },
};
