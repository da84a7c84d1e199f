import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { type AuditedTable, deleteAudited, insertAudited, updateAudited } from '../audit/audit-log';
import { assertCompanyExists } from '../companies/company-repo';
import { all, camelColumns, get, nowStamp, type StoredFlags, storedRow, withFlags } from '../db/sql';
import { EMAIL } from '../domain/formats';
import { DomainError, type FieldIssue, notFound } from '../errors';
import type { Contact, contactCreateSchema, contactFieldsSchema } from './contact-schema';

const CONTACTS: AuditedTable = { table: 'contacts', entity: 'contact', stamped: true };

const SELECT = `SELECT ${camelColumns(['id', 'uuid', 'company_id', 'name', 'role', 'phone', 'email', 'is_owner'])} FROM contacts`;

const toContact = (r: StoredFlags<Contact, 'isOwner'>): Contact => withFlags<Contact, 'isOwner'>(r, 'isOwner');

function check(fields: Partial<z.output<typeof contactFieldsSchema>>, requireName: boolean): void {
  const issues: FieldIssue[] = [];
  if ((requireName || fields.name !== undefined) && !fields.name)
    issues.push({ field: 'name', message: 'validation.required' });
  if (fields.email && !EMAIL.test(fields.email)) issues.push({ field: 'email', message: 'validation.emailFormat' });
  if (issues.length) throw new DomainError('invalid_input', 'error.invalidInput', {}, issues);
}

export function listContacts(db: Database, companyId: number): Contact[] {
  return all<StoredFlags<Contact, 'isOwner'>>(db, `${SELECT} WHERE company_id = ? ORDER BY is_owner DESC, name`, [
    companyId,
  ]).map(toContact);
}

export function getContact(db: Database, id: number): Contact {
  const row = get<StoredFlags<Contact, 'isOwner'>>(db, `${SELECT} WHERE id = ?`, [id]);
  if (!row) throw notFound('entity.contact', id);
  return toContact(row);
}

export function createContact(db: Database, input: z.output<typeof contactCreateSchema>): Contact {
  const id = db.transaction(() => {
    assertCompanyExists(db, input.companyId);
    check(input, true);
    const now = nowStamp();
    const values = {
      uuid: randomUUID(),
      company_id: input.companyId,
      name: input.name,
      role: input.role ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      is_owner: input.isOwner ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    return insertAudited(db, CONTACTS, values, input.companyId, { name: input.name, role: values.role });
  })();
  return getContact(db, id);
}

export function updateContact(
  db: Database,
  id: number,
  changes: Partial<z.output<typeof contactFieldsSchema>>,
): Contact {
  db.transaction(() => {
    const before = storedRow(db, 'contacts', id, 'entity.contact');
    check(changes, false);
    const values: Record<string, unknown> = {};
    if (changes.name !== undefined) values.name = changes.name;
    if (changes.role !== undefined) values.role = changes.role;
    if (changes.phone !== undefined) values.phone = changes.phone;
    if (changes.email !== undefined) values.email = changes.email;
    if (changes.isOwner !== undefined) values.is_owner = changes.isOwner ? 1 : 0;
    updateAudited(db, CONTACTS, id, before, values);
  })();
  return getContact(db, id);
}

export function deleteContact(db: Database, id: number): void {
  db.transaction(() => {
    const before = getContact(db, id);
    deleteAudited(db, CONTACTS, id, { name: before.name, role: before.role }, before.companyId);
  })();
}
