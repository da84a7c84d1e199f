import type { FieldSpec, FieldType } from './entity-types';

/** Short builders so an entity module reads like its table. */
export const f = (prop: string, column: string, type: FieldType, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  prop,
  column,
  type,
  ...extra,
});
export const uuid = (): FieldSpec => f('uuid', 'uuid', 'uuid', { required: true });
export const text = (prop: string, column: string, max = 10_000, required = false): FieldSpec =>
  f(prop, column, 'text', { max, required });
export const ref = (prop: string, column: string, entity: string, required = false): FieldSpec =>
  f(prop, column, 'text', { ref: entity, required });
export const stamps = (): FieldSpec[] => [
  f('createdAt', 'created_at', 'timestamp', { required: true }),
  f('updatedAt', 'updated_at', 'timestamp', { required: true }),
];

/** Rows that belong to the companies in the JSON array `?`. */
export const OWNED_BY_COMPANY = 't.company_id IN (SELECT value FROM json_each(?))';
