import { applyTags, deleteTag, listTags, renameTag, setCompanyTags } from '../../core/tags/tag-repo';
import type { tagsContract } from '../contract/tags';
import type { AreaHandlers } from './types';

export const tagsHandlers: AreaHandlers<typeof tagsContract> = {
  'tags.list': (_input, { db }) => listTags(db),
  'companies.setTags': (input, { db }) => setCompanyTags(db, input.companyId, input.tags),
  'tags.apply': (input, { db }) => applyTags(db, input),
  'tags.rename': (input, { db }) => renameTag(db, input.id, input.name),
  'tags.delete': (input, { db }) => deleteTag(db, input.id),
};
