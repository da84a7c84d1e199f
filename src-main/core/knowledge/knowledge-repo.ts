import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { todayIso } from '../../../src-shared/format/dates';
import { type AuditedTable, deleteAudited, insertAudited, updateAudited } from '../audit/audit-log';
import { assertCompanyExists } from '../companies/company-repo';
import { all, camelColumns, get, nowStamp, storedColumns, storedRow, whereOf } from '../db/sql';
import { invalidField, notFound } from '../errors';
import { assertRefs } from '../referrals/refs';
import type { KnowledgeContact, KnowledgeCreate, KnowledgeFields, KnowledgeListQuery } from './knowledge-schema';

const KNOWLEDGE_CONTACTS: AuditedTable = { table: 'knowledge_contacts', entity: 'knowledge_contact', stamped: true };

const SELECT = `
  SELECT ${camelColumns(['k.id', 'k.uuid', 'k.company_id', 'k.organisation_id', 'k.person_name', 'k.type', 'k.contact_on', 'k.topic', 'k.outcome', 'k.consultant_id', 'k.created_at', 'k.updated_at'])},
    c.name AS "companyName", o.name AS "organisationName", s.name AS "consultantName"
  FROM knowledge_contacts k
  JOIN companies c ON c.id = k.company_id
  LEFT JOIN organisations o ON o.id = k.organisation_id
  LEFT JOIN consultants s ON s.id = k.consultant_id`;

export function getKnowledgeContact(db: Database, id: number): KnowledgeContact {
  const row = get<KnowledgeContact>(db, `${SELECT} WHERE k.id = ?`, [id]);
  if (!row) throw notFound('entity.knowledgeContact', id);
  return row;
}

export function listKnowledgeContacts(db: Database, q: KnowledgeListQuery = {}): KnowledgeContact[] {
  const { sql: where, params } = whereOf([
    ['k.company_id = ?', q.companyId],
    ['k.contact_on >= ?', q.from],
    ['k.contact_on <= ?', q.to],
  ]);
  return all<KnowledgeContact>(db, `${SELECT} ${where} ORDER BY k.contact_on DESC, k.id DESC LIMIT ?`, [
    ...params,
    q.limit ?? 1000,
  ]);
}

function columns(f: Partial<KnowledgeFields>): Record<string, unknown> {
  return storedColumns(f, {
    plain: ['organisationId', 'personName', 'type', 'contactOn', 'topic', 'outcome', 'consultantId'],
  });
}

function check(values: Record<string, unknown>, before: Record<string, unknown> = {}): void {
  const merged = { ...before, ...values };
  if (merged.organisation_id == null && !merged.person_name) throw invalidField('personName', 'knowledge.whoMissing');
  if (typeof values.contact_on === 'string' && values.contact_on > todayIso()) {
    throw invalidField('contactOn', 'validation.dateFuture');
  }
}

export function createKnowledgeContact(db: Database, input: KnowledgeCreate): KnowledgeContact {
  const id = db.transaction(() => {
    assertCompanyExists(db, input.companyId);
    assertRefs(db, input.companyId, input);
    const now = nowStamp();
    const values = {
      ...columns(input),
      uuid: randomUUID(),
      company_id: input.companyId,
      created_at: now,
      updated_at: now,
    };
    check(values);
    return insertAudited(db, KNOWLEDGE_CONTACTS, values, input.companyId);
  })();
  return getKnowledgeContact(db, id);
}

function rawRow(db: Database, id: number): Record<string, unknown> & { company_id: number } {
  const row = storedRow<{ company_id: number }>(db, 'knowledge_contacts', id, 'entity.knowledgeContact');
  return row;
}

export function updateKnowledgeContact(db: Database, id: number, changes: Partial<KnowledgeFields>): KnowledgeContact {
  db.transaction(() => {
    const before = rawRow(db, id);
    assertRefs(db, before.company_id, changes);
    const values = columns(changes);
    check(values, before);
    updateAudited(db, KNOWLEDGE_CONTACTS, id, before, values);
  })();
  return getKnowledgeContact(db, id);
}

export function deleteKnowledgeContact(db: Database, id: number): void {
  db.transaction(() => {
    const before = rawRow(db, id);
    deleteAudited(db, KNOWLEDGE_CONTACTS, id, before, before.company_id);
  })();
}
