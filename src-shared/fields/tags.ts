import { type FieldDef, f, ref, text, uuid } from './field-types';

/** The longest tag name: a few words, as a column in the caseload shows it. */
export const TAG_NAME_MAX = 60;

/** A tag is reference data in the caseload file: known by its name, added where missing. */
export const TAG_FIELDS: readonly FieldDef[] = [
  uuid(),
  text('name', 'name', TAG_NAME_MAX, true),
  f('createdAt', 'created_at', 'timestamp', { required: true }),
];

/** Which firm carries which tag: a link without an id of its own. */
export const COMPANY_TAG_FIELDS: readonly FieldDef[] = [
  ref('company', 'company_id', 'companies', true),
  ref('tag', 'tag_id', 'tags', true),
];
