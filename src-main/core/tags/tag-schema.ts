import { z } from 'zod';
import { TAG_NAME_MAX } from '../../../src-shared/fields/tags';
import { exportScopeSchema } from '../interop/interop-schema';
import { idField, requiredText } from '../referrals/outreach-fields';
import { cleanTagName } from './tag-name';

/** A tag as typed: trimmed, spaces collapsed, 1–60 characters. */
export const tagNameSchema = requiredText(TAG_NAME_MAX).transform(cleanTagName);
const tagNames = z.array(tagNameSchema).max(50);

export interface Tag {
  id: number;
  name: string;
  /** How many firms carry it. */
  companies: number;
}

export const setCompanyTagsSchema = z.object({ companyId: idField, tags: tagNames });
export type SetCompanyTags = z.output<typeof setCompanyTagsSchema>;

/**
 * Tags added to and removed from many firms at once: ticked rows (`companies`) or every firm the
 * caseload's filter and search match (`query`), as an export's scope.
 */
export const applyTagsSchema = z
  .object({
    scope: exportScopeSchema,
    add: tagNames.default([]),
    remove: tagNames.default([]),
    dryRun: z.boolean().default(false),
  })
  .refine((v) => v.add.length + v.remove.length > 0, { message: 'tags.nothingToApply', path: ['add'] });
export type ApplyTagsInput = z.input<typeof applyTagsSchema>;
export type ApplyTags = z.output<typeof applyTagsSchema>;

export interface ApplyTagsResult {
  /** Firms in the selection. */
  companies: number;
  /** Firms whose tags changed (the others had them already, or lacked the removed ones). */
  changed: number;
  dryRun: boolean;
}

export const renameTagSchema = z.object({ id: idField, name: tagNameSchema });
export const deleteTagSchema = z.object({ id: idField });
