import { z } from 'zod';
/** docs/domain.md: Alexandra Instituttet (institution), a researcher at AU Foulum, a local mentor. */
import { KNOWLEDGE_TYPES, type KnowledgeType } from '../../../src-shared/codes/outreach';
import { dateField, idField, optionalId, optionalText } from '../referrals/outreach-fields';

export { KNOWLEDGE_TYPES, type KnowledgeType };

export const knowledgeFieldsSchema = z.object({
  /** The institution (organisations list); a person may be named with or without one. */
  organisationId: optionalId,
  personName: optionalText(200),
  type: z.enum(KNOWLEDGE_TYPES),
  contactOn: dateField,
  topic: optionalText(2000),
  outcome: optionalText(5000),
  consultantId: optionalId,
});
export const knowledgeCreateSchema = knowledgeFieldsSchema.extend({ companyId: idField });
export const knowledgeUpdateSchema = z.object({ id: idField, changes: knowledgeFieldsSchema.partial() });
export const knowledgeListSchema = z.object({
  companyId: idField.optional(),
  from: dateField.optional(),
  to: dateField.optional(),
  limit: z.number().int().min(1).max(5000).optional(),
});
export type KnowledgeFields = z.output<typeof knowledgeFieldsSchema>;
export type KnowledgeCreate = z.output<typeof knowledgeCreateSchema>;
export type KnowledgeListQuery = z.output<typeof knowledgeListSchema>;

export interface KnowledgeContact {
  id: number;
  uuid: string;
  companyId: number;
  companyName: string;
  organisationId: number | null;
  organisationName: string | null;
  personName: string | null;
  type: KnowledgeType;
  contactOn: string;
  topic: string | null;
  outcome: string | null;
  consultantId: number | null;
  consultantName: string | null;
  createdAt: string;
  updatedAt: string;
}
