import { ORGANISATION_TYPES } from '../codes/outreach';
import { type FieldDef, f, text, uuid } from './field-types';

const active = () => f('active', 'active', 'boolean', { required: true });
const created = () => f('createdAt', 'created_at', 'timestamp', { required: true });

export const CONSULTANT_FIELDS: readonly FieldDef[] = [
  uuid(),
  text('name', 'name', 100, true),
  text('initials', 'initials', 10),
  text('email', 'email', 200),
  active(),
  created(),
];

export const ORGANISATION_FIELDS: readonly FieldDef[] = [
  uuid(),
  text('name', 'name', 200, true),
  f('type', 'type', 'text', { required: true, enum: ORGANISATION_TYPES }),
  text('address', 'address', 200),
  text('postcode', 'postcode', 10),
  text('city', 'city', 100),
  text('email', 'email', 200),
  text('phone', 'phone', 40),
  text('website', 'website', 300),
  f('validFrom', 'valid_from', 'date'),
  f('validTo', 'valid_to', 'date'),
  text('note', 'note', 2000),
  active(),
  created(),
];
