import { COMPANY_TAG_FIELDS, TAG_FIELDS } from '../../../../src-shared/fields/tags';
import { message } from '../../messages';
import { tagKey } from '../../tags/tag-name';
import type { EntitySpec } from './entity-types';
import { OWNED_BY_COMPANY } from './field-kit';
import { byUuidOr } from './reference';

/** Tags are reference data: exported when a firm in the file carries them, added on import where missing. */
export const tagsEntity: EntitySpec = {
  key: 'tags',
  table: 'tags',
  label: 'sheet.tags',
  description: message('interop.entity.tags'),
  role: 'reference',
  identity: ['uuid'],
  refKey: 'uuid',
  fields: TAG_FIELDS,
  derived: ['name_key'],
  orderBy: 't.name_key',
  // By uuid, else the same name in any case: two consultants' "Fødevarer" are one tag.
  match: byUuidOr('tags', 'SELECT id FROM tags WHERE name_key = ?', (v) => [tagKey(String(v.name ?? ''))]),
  computed: (v) => (typeof v.name === 'string' ? { name_key: tagKey(v.name) } : {}),
};

/** A firm's tags: links without an id, added when missing. */
export const companyTagsEntity: EntitySpec = {
  key: 'companyTags',
  table: 'company_tags',
  label: 'sheet.company_tags',
  description: message('interop.entity.companyTags'),
  role: 'owned',
  identity: ['company', 'tag'],
  hasId: false,
  fields: COMPANY_TAG_FIELDS,
  ownedBy: OWNED_BY_COMPANY,
  orderBy: 't.company_id, t.tag_id',
};
