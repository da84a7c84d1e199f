import { type FieldDef, f, ref, sheet, stamps, text, uuid } from './field-types';

const [created, updated] = stamps() as [FieldDef, FieldDef];

/** A firm's contact persons; the contacts sheet lists each field with a label, after the firm it names itself. */
export const CONTACT_FIELDS: readonly FieldDef[] = [
  sheet(uuid(), 'sheet.column.uuid', 38),
  ref('company', 'company_id', 'companies', true),
  sheet(text('name', 'name', 200, true), 'sheet.column.name', 26),
  sheet(text('role', 'role', 100), 'sheet.column.role', 18),
  sheet(text('phone', 'phone', 40), 'sheet.column.phone', 14),
  sheet(text('email', 'email', 200), 'sheet.column.email', 26),
  sheet(f('isOwner', 'is_owner', 'boolean', { required: true }), 'sheet.column.isOwner', 8),
  sheet(created, 'sheet.column.created', 17, 'stamp'),
  sheet(updated, 'sheet.column.updated', 17, 'stamp'),
];
