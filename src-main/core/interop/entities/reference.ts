import { get } from '../../db/sql';
import { ORGANISATION_TYPES } from '../../domain/organisations';
import { message } from '../../messages';
import type { EntitySpec } from './entity-types';
import { f, text, uuid } from './field-kit';

const active = () => f('active', 'active', 'boolean', { required: true });
const created = () => f('createdAt', 'created_at', 'timestamp', { required: true });

/** Consultants are named, not administered: the same name is the same consultant. */
export const consultantsEntity: EntitySpec = {
  key: 'consultants',
  table: 'consultants',
  label: 'sheet.consultants',
  description: message('interop.entity.consultants'),
  role: 'reference',
  identity: ['uuid'],
  refKey: 'uuid',
  fields: [
    uuid(),
    text('name', 'name', 100, true),
    text('initials', 'initials', 10),
    text('email', 'email', 200),
    active(),
    created(),
  ],
  orderBy: 't.id',
  match: (db, _r, v) => {
    const found =
      get<{ id: number }>(db, 'SELECT id FROM consultants WHERE uuid = ?', [v.uuid]) ??
      get<{ id: number }>(db, 'SELECT id FROM consultants WHERE name = ?', [v.name]);
    return found ? { id: found.id } : undefined;
  },
};

/** Organisations are reference data: the same type and name is the same organisation. */
export const organisationsEntity: EntitySpec = {
  key: 'organisations',
  table: 'organisations',
  label: 'sheet.organisations',
  description: message('interop.entity.organisations'),
  role: 'reference',
  identity: ['uuid'],
  refKey: 'uuid',
  fields: [
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
  ],
  orderBy: 't.id',
  match: (db, _r, v) => {
    const found =
      get<{ id: number }>(db, 'SELECT id FROM organisations WHERE uuid = ?', [v.uuid]) ??
      get<{ id: number }>(db, 'SELECT id FROM organisations WHERE type = ? AND name = ? ORDER BY id LIMIT 1', [
        v.type,
        v.name,
      ]);
    return found ? { id: found.id } : undefined;
  },
};
