import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { diff, recordCompanyAudit } from '../audit/audit-log';
import { get, insertRow, nowStamp, run, storedRow } from '../db/sql';
import { isValidCvr, normaliseCvr } from '../domain/cvr';
import { danishSortKey } from '../domain/sort-key';
import { DomainError, invalidField, notFound } from '../errors';
import { currentActor } from '../settings/settings-repo';
import { COMPANY_SELECT } from './company-columns';
import type { Company, CompanyCreate } from './schema';
import { type CompanyRowValues, validateCompanyFields } from './validate';

export function getCompany(db: Database, id: number): Company {
  const row = get<Company>(db, `${COMPANY_SELECT} WHERE c.id = ?`, [id]);
  if (!row) throw notFound('entity.company', id);
  return row;
}

export function findCompanyByCvr(db: Database, cvr: string): Company | undefined {
  return get<Company>(db, `${COMPANY_SELECT} WHERE c.cvr = ?`, [normaliseCvr(cvr)]);
}

/** Finds a company by CVR, uuid or numeric id: what a CLI user or an import is likely to hold. */
export function resolveCompanyRef(db: Database, ref: string): Company {
  const trimmed = ref.trim();
  if (isValidCvr(trimmed)) {
    const byCvr = findCompanyByCvr(db, trimmed);
    if (byCvr) return byCvr;
  }
  const row = /^\d+$/.test(trimmed)
    ? get<Company>(db, `${COMPANY_SELECT} WHERE c.id = ?`, [Number(trimmed)])
    : get<Company>(db, `${COMPANY_SELECT} WHERE c.uuid = ?`, [trimmed]);
  if (!row) throw notFound('entity.company', ref);
  return row;
}

function rawRow(db: Database, id: number): Record<string, unknown> {
  const row = storedRow(db, 'companies', id, 'entity.company');
  return row;
}

/** Creates a company (and its owner as a contact person) in one transaction, with an audit entry. */
export function createCompany(
  db: Database,
  input: CompanyCreate,
  opts: { uuid?: string; actor?: string } = {},
): Company {
  const id = db.transaction(() => {
    const values = validateCompanyFields(db, input, { requireName: true });
    const recordType = values.record_type ?? (values.cvr ? 'registered' : 'unregistered');
    if (recordType === 'registered' && !values.cvr) throw invalidField('cvr', 'validation.cvrMissingForRegistered');
    const now = nowStamp();
    const row = {
      status: 'identified',
      industry_system: 'DB07',
      ...values,
      record_type: recordType,
      name_sort: danishSortKey(values.name ?? ''),
      uuid: opts.uuid ?? randomUUID(),
      created_at: now,
      updated_at: now,
    };
    const newId = insertRow(db, 'companies', row);
    if (input.ownerName) {
      run(
        db,
        `INSERT INTO contacts(uuid, company_id, name, is_owner, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)`,
        [randomUUID(), newId, input.ownerName, now, now],
      );
    }
    recordCompanyAudit(db, opts.actor ?? currentActor(db), newId, 'create', {
      after: rawRow(db, newId),
    });
    return newId;
  })();
  return getCompany(db, id);
}

/**
 * Updates the named fields. The CVR is a firm's identity: it can be filled in once where none was
 * recorded, and otherwise changes only through `correctCvr` with a reason.
 */
export function updateCompany(db: Database, id: number, changes: Partial<CompanyCreate>, actor?: string): Company {
  db.transaction(() => {
    const before = rawRow(db, id);
    if (changes.cvr !== undefined && before.cvr !== null) {
      const next = changes.cvr === null ? null : normaliseCvr(changes.cvr);
      if (next !== before.cvr) throw invalidField('cvr', 'validation.cvrLocked');
    }
    const values: CompanyRowValues & { name_sort?: string; updated_at?: string } = validateCompanyFields(db, changes, {
      selfId: id,
      requireName: false,
    });
    if (values.cvr && before.record_type === 'unregistered') values.record_type = 'registered';
    if (values.name !== undefined) values.name_sort = danishSortKey(values.name);
    const d = diff(before, values as Record<string, unknown>);
    if (!d.changed) return;
    values.updated_at = nowStamp();
    const cols = Object.keys(values);
    run(db, `UPDATE companies SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`, { ...values, id });
    recordCompanyAudit(db, actor ?? currentActor(db), id, 'update', {
      before: d.before,
      after: d.after,
    });
  })();
  return getCompany(db, id);
}

/** The explicit, audited way to change or remove a CVR recorded earlier. */
export function correctCvr(db: Database, id: number, cvr: string | null, reason: string, actor?: string): Company {
  db.transaction(() => {
    const before = rawRow(db, id);
    const values = validateCompanyFields(db, { cvr }, { selfId: id, requireName: false });
    const next = values.cvr ?? null;
    if (next === before.cvr) return;
    run(db, 'UPDATE companies SET cvr = ?, record_type = ?, updated_at = ? WHERE id = ?', [
      next,
      next ? 'registered' : 'unregistered',
      nowStamp(),
      id,
    ]);
    recordCompanyAudit(db, actor ?? currentActor(db), id, 'correct', {
      before: { cvr: before.cvr },
      after: { cvr: next },
      reason,
    });
  })();
  return getCompany(db, id);
}

export function companyCount(db: Database): number {
  return get<{ n: number }>(db, 'SELECT count(*) AS n FROM companies')?.n ?? 0;
}

export function assertCompanyExists(db: Database, id: number): void {
  if (!get(db, 'SELECT 1 FROM companies WHERE id = ?', [id]))
    throw new DomainError('not_found', 'error.notFound', { entity: 'entity.company', id });
}
