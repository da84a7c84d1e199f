import type { Database } from 'better-sqlite3';
import { CONSULTANT_FIELDS, ORGANISATION_FIELDS } from '../../../../src-shared/fields/reference';
import { get } from '../../db/sql';
import { message } from '../../messages';
import type { EntitySpec, MatchResult } from './entity-types';

/** By uuid, else the first row the fallback query finds (reference data is known by what it is called). */
export const byUuidOr =
  (table: string, fallback: string, params: (v: Record<string, unknown>) => unknown[]) =>
  (db: Database, _r: Record<string, unknown>, v: Record<string, unknown>): MatchResult | undefined => {
    const found =
      get<{ id: number }>(db, `SELECT id FROM ${table} WHERE uuid = ?`, [v.uuid]) ??
      get<{ id: number }>(db, fallback, params(v));
    return found ? { id: found.id } : undefined;
  };

/** Consultants are named, not administered: the same name is the same consultant. */
export const consultantsEntity: EntitySpec = {
  key: 'consultants',
  table: 'consultants',
  label: 'sheet.consultants',
  description: message('interop.entity.consultants'),
  role: 'reference',
  identity: ['uuid'],
  refKey: 'uuid',
  fields: CONSULTANT_FIELDS,
  orderBy: 't.id',
  match: byUuidOr('consultants', 'SELECT id FROM consultants WHERE name = ?', (v) => [v.name]),
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
  fields: ORGANISATION_FIELDS,
  orderBy: 't.id',
  match: byUuidOr(
    'organisations',
    'SELECT id FROM organisations WHERE type = ? AND name = ? ORDER BY id LIMIT 1',
    (v) => [v.type, v.name],
  ),
};
