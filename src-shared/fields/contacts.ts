import { companyRecord, type FieldDef, f, text } from './field-types';

export const CONTACT_FIELDS: readonly FieldDef[] = companyRecord(
  text('name', 'name', 200, true),
  text('role', 'role', 100),
  text('phone', 'phone', 40),
  text('email', 'email', 200),
  f('isOwner', 'is_owner', 'boolean', { required: true }),
);
