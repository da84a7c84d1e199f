import { z } from 'zod';
import type { CompanyStatus } from '../domain/company-status';
import { freeText } from '../domain/free-text-schema';
import { NEED_KEYS, type NeedKey, VISIT_TYPES, type VisitType } from '../domain/needs';
import type { FollowUp } from '../followups/followup-schema';
import { followupFieldsSchema } from '../followups/followup-schema';

/**
 * The visit form's shape (also calls, meetings and e-mails). Pure zod and types: the renderer
 * shares them through the API contract. Rules that need the database or today's date (future
 * dates, participants of the same firm, known consultant) live in visit-validate.ts.
 */

const positiveId = z.number().int().positive();

export const visitFieldsSchema = z.object({
  /** `dd.mm.yyyy` or ISO; not after today. Required on create (checked with the other fields). */
  date: z.string({ message: 'validation.required' }).max(20, { message: 'validation.dateFormat' }).optional(),
  /** `HH:MM` (or `HH.MM`). */
  startTime: z.string().max(5, { message: 'validation.timeFormat' }).nullable().optional(),
  /** Either an end time or a duration; the duration is what is stored. */
  endTime: z.string().max(5, { message: 'validation.timeFormat' }).nullable().optional(),
  durationMinutes: z
    .number({ message: 'visit.durationRange' })
    .int({ message: 'visit.durationRange' })
    .min(0, { message: 'visit.durationRange' })
    .max(1440, { message: 'visit.durationRange' })
    .nullable()
    .optional(),
  type: z.enum(VISIT_TYPES),
  /** Defaults to the consultant named in settings, else the company's consultant. */
  consultantId: positiveId.nullable().optional(),
  /** Contact persons of the same company. */
  participantIds: z.array(positiveId).max(50),
  location: freeText(200),
  /** What the business does and where it stands. */
  businessDescription: freeText(10_000),
  needs: z
    .array(z.enum(NEED_KEYS))
    .max(NEED_KEYS.length * 2)
    .transform((v) => [...new Set(v)]),
  needsText: freeText(10_000),
  /** Assessed development potential, 1 (very small) to 5 (very large). */
  potential: z
    .number({ message: 'validation.invalidValue' })
    .int({ message: 'validation.invalidValue' })
    .min(1, { message: 'validation.invalidValue' })
    .max(5, { message: 'validation.invalidValue' })
    .nullable()
    .optional(),
  adviceGiven: z.boolean(),
  nextSteps: freeText(10_000),
  notes: freeText(50_000),
});

/**
 * Defaults belong to creation only: on an update (`.partial()`) zod would otherwise fill in
 * `type: 'visit'` or `needs: []` for fields the form did not send.
 */
export const visitCreateSchema = visitFieldsSchema.extend({
  type: visitFieldsSchema.shape.type.default('visit'),
  participantIds: visitFieldsSchema.shape.participantIds.default([]),
  needs: visitFieldsSchema.shape.needs.default([]),
  adviceGiven: visitFieldsSchema.shape.adviceGiven.default(false),
  companyId: positiveId,
  /** Follow-ups promised during the visit, created in the same transaction. */
  followups: z.array(followupFieldsSchema).max(20).default([]),
  /** The form's draft, discarded in the same transaction as the save. */
  draftKey: z.string().max(120).optional(),
});
export type VisitCreateInput = z.input<typeof visitCreateSchema>;
export type VisitCreate = z.output<typeof visitCreateSchema>;

/** Only the fields sent change; `needs` and `participantIds` are replaced as a whole. */
export const visitUpdateSchema = z.object({
  id: positiveId,
  changes: visitFieldsSchema.partial(),
  /** The `updatedAt` the form was opened with; a later change elsewhere is refused, not overwritten. */
  expectedUpdatedAt: z.string().max(40).optional(),
  /** New follow-ups promised, created in the same transaction: a refused one leaves the visit unchanged. */
  followups: visitCreateSchema.shape.followups,
  draftKey: z.string().max(120).optional(),
});
export type VisitUpdateInput = z.input<typeof visitUpdateSchema>;
export type VisitChanges = Partial<z.output<typeof visitFieldsSchema>>;

export const visitListSchema = z.object({
  companyId: positiveId,
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

/** Checks a form without saving: `id` for an edit, `companyId` for a new visit. */
export const visitValidateSchema = visitFieldsSchema.partial().extend({
  id: positiveId.optional(),
  companyId: positiveId.optional(),
  followups: z.array(followupFieldsSchema.partial()).max(20).optional(),
});
export type VisitValidateInput = z.input<typeof visitValidateSchema>;
export type VisitValidate = z.output<typeof visitValidateSchema>;

export interface VisitParticipant {
  id: number;
  name: string;
  role: string | null;
}

export interface Visit {
  id: number;
  uuid: string;
  companyId: number;
  date: string;
  startTime: string | null;
  endTime: string | null;
  durationMinutes: number | null;
  type: VisitType;
  consultantId: number | null;
  consultant: string | null;
  participants: VisitParticipant[];
  location: string | null;
  businessDescription: string | null;
  needs: NeedKey[];
  needsText: string | null;
  potential: number | null;
  adviceGiven: boolean;
  nextSteps: string | null;
  notes: string | null;
  /** Follow-ups created from this visit. */
  followups: FollowUp[];
  createdAt: string;
  updatedAt: string;
}

export interface VisitPage {
  rows: Visit[];
  total: number;
  offset: number;
}

/** What a save changed on the company, so the page header can update without a second call. */
export interface VisitSaved {
  visit: Visit;
  company: { id: number; status: CompanyStatus; previousStatus: CompanyStatus; lastContact: string | null };
}

/** Field messages for a form, as `companies.validate` returns them. */
export interface FieldMessages {
  fields: Array<{ field: string; message: string }>;
}
