import { type FieldDef, f, ref, sheet, stamps, text, uuid } from './field-types';

const [created, updated] = stamps() as [FieldDef, FieldDef];

/** A firm's contact persons; the contacts sheet lists each field with a label, after the firm it names itself. */
export const CONTACT_FIELDS: readonly FieldDef[] = [
  sheet(uuid(), 'col_uuid', 38),
  ref('company', 'company_id', 'companies', true),
  sheet(text('name', 'name', 200, true), 'col_name', 26),
  sheet(text('role', 'role', 100), 'col_role', 18),
  sheet(text('phone', 'phone', 40), 'col_phone', 14),
  sheet(text('email', 'email', 200), 'col_email', 26),
  sheet(f('isOwner', 'is_owner', 'boolean', { required: true }), 'col_is_owner', 8),
  sheet(created, 'col_created', 17, 'stamp'),
  sheet(updated, 'col_updated', 17, 'stamp'),
];
