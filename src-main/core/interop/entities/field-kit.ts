import type { EntitySpec } from './entity-types';

/** Rows that belong to the companies in the JSON array `?`. */
export const OWNED_BY_COMPANY = 't.company_id IN (SELECT value FROM json_each(?))';

/** An entity whose rows each belong to one company and are known by their uuid: most of them. */
export const companyOwned = (
  spec: Pick<EntitySpec, 'key' | 'table' | 'label' | 'description' | 'fields'> & Partial<EntitySpec>,
): EntitySpec => ({
  role: 'owned',
  identity: ['uuid'],
  refKey: 'uuid',
  ownedBy: OWNED_BY_COMPANY,
  orderBy: 't.id',
  ...spec,
});
