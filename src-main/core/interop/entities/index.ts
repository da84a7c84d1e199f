import { companiesEntity } from './companies';
import { contactsEntity } from './contacts';
import type { EntitySpec } from './entity-types';
import { consultantsEntity, organisationsEntity } from './reference';

/**
 * Every entity the caseload file carries, in dependency order: an entity comes after every
 * entity it refers to. Adding one (visits, referrals…) is one module and one line here; the
 * JSON Schema, the export, the import and the schema guard test all follow from the list.
 */
export const ENTITIES: readonly EntitySpec[] = [
  consultantsEntity,
  organisationsEntity,
  companiesEntity,
  contactsEntity,
];

export function entityByKey(key: string): EntitySpec | undefined {
  return ENTITIES.find((e) => e.key === key);
}
