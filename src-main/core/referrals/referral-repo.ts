import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { todayIso } from '../../../src-shared/format/dates';
import { type AuditedTable, deleteAudited, insertAudited, updateAudited } from '../audit/audit-log';
import { assertCompanyExists } from '../companies/company-repo';
import { all, camelColumns, get, nowStamp, storedColumns, storedRow, whereOf } from '../db/sql';
import type { NeedKey } from '../domain/needs';
import { invalidField, notFound } from '../errors';
import {
  REFERRAL_TRANSITIONS,
  type Referral,
  type ReferralCreate,
  type ReferralFields,
  type ReferralListQuery,
  type ReferralStatus,
} from './referral-schema';
import { assertRefs } from './refs';

/** A referral as stored: needs and annexes as JSON text, its next steps not yet derived. */
type ReferralRow = Omit<Referral, 'needs' | 'annexes' | 'allowedNext'> & { needs: string; annexes: string };

const SELECT = `
  SELECT ${camelColumns(['r.id', 'r.uuid', 'r.company_id'])}, c.name AS "companyName", c.cvr AS "companyCvr",
    r.organisation_id AS "organisationId", o.name AS "organisationName", o.type AS "organisationType",
    r.contact_id AS "contactId", p.name AS "contactName", r.consultant_id AS "consultantId",
    s.name AS "consultantName", r.scheme_id AS "schemeId", ss.name AS "schemeName",
    ${camelColumns(['r.case_ref', 'r.reason', 'r.needs', 'r.needs_text', 'r.background', 'r.first_contact_on', 'r.local_actions', 'r.requested_action', 'r.consent_on', 'r.annexes', 'r.status', 'r.sent_at', 'r.received_at', 'r.closed_at', 'r.outcome', 'r.outcome_amount_ore', 'r.outcome_on', 'r.outcome_note', 'r.created_at', 'r.updated_at'])}
  FROM referrals r
  JOIN companies c ON c.id = r.company_id
  JOIN organisations o ON o.id = r.organisation_id
  LEFT JOIN contacts p ON p.id = r.contact_id
  LEFT JOIN consultants s ON s.id = r.consultant_id
  LEFT JOIN support_schemes ss ON ss.id = r.scheme_id`;

function toReferral(r: ReferralRow): Referral {
  return {
    ...r,
    needs: JSON.parse(r.needs) as NeedKey[],
    annexes: JSON.parse(r.annexes) as string[],
    allowedNext: [...REFERRAL_TRANSITIONS[r.status]],
  };
}

export function getReferral(db: Database, id: number): Referral {
  const row = get<ReferralRow>(db, `${SELECT} WHERE r.id = ?`, [id]);
  if (!row) throw notFound('entity.referral', id);
  return toReferral(row);
}

export function listReferrals(db: Database, q: ReferralListQuery = {}): Referral[] {
  const { sql: where, params } = whereOf([
    ['r.company_id = ?', q.companyId],
    ['r.organisation_id = ?', q.organisationId],
    ['r.status IN (?)', q.status],
  ]);
  const sql = `${SELECT} ${where}
    ORDER BY coalesce(r.sent_at, r.created_at) DESC, r.id DESC LIMIT ? OFFSET ?`;
  return all<ReferralRow>(db, sql, [...params, q.limit ?? 1000, q.offset ?? 0]).map(toReferral);
}

/** The firm's latest referral to an erhvervshus or Væksthus: what the referral letter is about. */
export function latestBusinessHouseReferral(db: Database, companyId: number): Referral | undefined {
  const row = get<ReferralRow>(
    db,
    `${SELECT} WHERE r.company_id = ? AND o.type IN ('erhvervshus', 'vaeksthus')
     ORDER BY (r.status = 'draft') DESC, coalesce(r.sent_at, r.created_at) DESC, r.id DESC LIMIT 1`,
    [companyId],
  );
  return row ? toReferral(row) : undefined;
}

function columns(f: Partial<ReferralFields>): Record<string, unknown> {
  return storedColumns(f, {
    plain: [
      'organisationId',
      'contactId',
      'consultantId',
      'schemeId',
      'caseRef',
      'reason',
      'needsText',
      'background',
      'firstContactOn',
      'localActions',
      'requestedAction',
      'consentOn',
    ],
    json: ['needs', 'annexes'],
  });
}

function checkDates(f: Partial<ReferralFields>): void {
  const today = todayIso();
  if (f.consentOn && f.consentOn > today) throw invalidField('consentOn', 'validation.dateFuture');
  if (f.firstContactOn && f.firstContactOn > today) throw invalidField('firstContactOn', 'validation.dateFuture');
}

export function createReferral(db: Database, input: ReferralCreate): Referral {
  const id = db.transaction(() => {
    assertCompanyExists(db, input.companyId);
    assertRefs(db, input.companyId, input);
    checkDates(input);
    const now = nowStamp();
    const values = {
      needs: '[]',
      annexes: '[]',
      ...columns(input),
      uuid: randomUUID(),
      company_id: input.companyId,
      status: 'draft',
      created_at: now,
      updated_at: now,
    };
    return insertAudited(db, REFERRALS, values, input.companyId);
  })();
  return getReferral(db, id);
}

export function rawRow(
  db: Database,
  id: number,
): Record<string, unknown> & { company_id: number; status: ReferralStatus } {
  const row = storedRow<{ company_id: number; status: ReferralStatus }>(db, 'referrals', id, 'entity.referral');
  return row;
}

export const REFERRALS: AuditedTable = { table: 'referrals', entity: 'referral', stamped: true };

export function updateReferral(db: Database, id: number, changes: Partial<ReferralFields>): Referral {
  db.transaction(() => {
    const before = rawRow(db, id);
    assertRefs(db, before.company_id, changes);
    checkDates(changes);
    if (changes.consentOn === null && before.status !== 'draft') {
      throw invalidField('consentOn', 'referral.consentRequired');
    }
    updateAudited(db, REFERRALS, id, before, columns(changes));
  })();
  return getReferral(db, id);
}

export function deleteReferral(db: Database, id: number): void {
  db.transaction(() => {
    const before = rawRow(db, id);
    deleteAudited(db, REFERRALS, id, before, before.company_id);
  })();
}
