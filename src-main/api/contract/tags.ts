import { z } from 'zod';
import {
  type ApplyTagsResult,
  applyTagsSchema,
  deleteTagSchema,
  renameTagSchema,
  setCompanyTagsSchema,
  type Tag,
} from '../../core/tags/tag-schema';
import { method, NO_ACCESS_LOG } from './define';

export type { ApplyTagsInput, ApplyTagsResult, Tag } from '../../core/tags/tag-schema';

/** Tags on firms. Each change writes the firm's history (the audit log), not the access log. */
export const tagsContract = {
  'tags.list': method(z.object({})).returns<Tag[]>(NO_ACCESS_LOG),
  'companies.setTags': method(setCompanyTagsSchema).returns<string[]>(NO_ACCESS_LOG),
  'tags.apply': method(applyTagsSchema).returns<ApplyTagsResult>(NO_ACCESS_LOG),
  'tags.rename': method(renameTagSchema).returns<Tag>(NO_ACCESS_LOG),
  'tags.delete': method(deleteTagSchema).returns<{ companies: number }>(NO_ACCESS_LOG),
} as const;
