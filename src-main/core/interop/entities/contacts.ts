import type { Database } from 'better-sqlite3';
import { CONTACT_FIELDS } from '../../../../src-shared/fields/contacts';
import { get } from '../../db/sql';
import { EMAIL } from '../../domain/formats';
import { message } from '../../messages';
import type { EntitySpec, MatchResult } from './entity-types';
import { companyOwned } from './field-kit';

/** By uuid, else the same person (same name) at the same firm: a handover must not double the owner. */
function match(db: Database, _r: Record<string, unknown>, values: Record<string, unknown>): MatchResult | undefined {
  const found =
    get<{ id: number }>(db, 'SELECT id FROM contacts WHERE uuid = ?', [values.uuid]) ??
    (typeof values.company_id === 'number'
      ? get<{ id: number }>(db, 'SELECT id FROM contacts WHERE company_id = ? AND name = ? ORDER BY id LIMIT 1', [
          values.company_id,
          values.name,
        ])
      : undefined);
  return found ? { id: found.id } : undefined;
}

export const contactsEntity: EntitySpec = companyOwned({
  key: 'contacts',
  table: 'contacts',
  label: 'sheet.contacts',
  description: message('interop.entity.contacts'),
  fields: CONTACT_FIELDS,
  match,
  validate: (_db, v) =>
    typeof v.email === 'string' && !EMAIL.test(v.email) ? [{ field: 'email', message: 'validation.emailFormat' }] : [],
  audit: { entity: 'contact', companyColumn: 'company_id' },
});
