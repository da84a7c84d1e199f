import { z } from 'zod';
import { freeText } from '../domain/free-text-schema';
import type { Consultant } from '../reference/reference-types';

/** Follow-ups: what a consultant promised and by when. Pure zod and types (shared with the UI). */

const positiveId = z.number().int().positive();

/** As the visit form sends each follow-up row; a missing due date gets its own message. */
export const followupFieldsSchema = z.object({
  // Optional here so a missing title or date is reported with the other fields' problems
  // (checkFollowUpFields), not alone by the schema before anything else is checked.
  title: z
    .string({ message: 'followups.titleRequired' })
    .max(200, { message: 'validation.tooLong' })
    .transform((v) => v.trim())
    .optional(),
  description: freeText(5_000),
  /** `dd.mm.yyyy` or ISO. */
  dueDate: z.string({ message: 'followups.dueRequired' }).max(20, { message: 'validation.dateFormat' }).optional(),
  /** Defaults to the visit's consultant, else the consultant named in settings. */
  consultantId: positiveId.nullable().optional(),
});
export type FollowUpFields = z.output<typeof followupFieldsSchema>;

export const followupCreateSchema = followupFieldsSchema.extend({
  companyId: positiveId,
  visitId: positiveId.nullable().optional(),
});
export type FollowUpCreateInput = z.input<typeof followupCreateSchema>;

export const followupUpdateSchema = z.object({
  id: positiveId,
  changes: followupFieldsSchema.partial(),
});

export const followupCompleteSchema = z.object({
  id: positiveId,
  /** `false` reopens a follow-up ticked by mistake. */
  done: z.boolean().default(true),
});

export const followupSnoozeSchema = z.object({
  id: positiveId,
  /** A date (today or later), or null to cancel the snooze. */
  until: z.string().max(20, { message: 'validation.dateFormat' }).nullable(),
});

import { FOLLOWUP_FILTERS, type FollowUpFilter, type FollowUpState } from '../../../src-shared/codes/visits';

export { FOLLOWUP_FILTERS, type FollowUpFilter };

export const followupListSchema = z.object({
  /** `mine`: the consultant named in settings (or the CLI's `--as`); everyone's when no name is set. */
  scope: z.enum(['mine', 'all']).default('mine'),
  /**
   * open: not done · due: open and due today or earlier · overdue: open and due before today ·
   * upcoming: open and due after today · done · all.
   */
  filter: z.enum(FOLLOWUP_FILTERS).default('open'),
  /** Open follow-ups due on or before this date (`dd.mm.yyyy` or ISO). */
  dueBefore: z.string().max(20).optional(),
  companyId: positiveId.optional(),
  consultantId: positiveId.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type FollowUpListInput = z.input<typeof followupListSchema>;

/** Where a follow-up stands today; `due` means due today. */
export type { FollowUpState };

export interface FollowUp {
  id: number;
  uuid: string;
  companyId: number;
  companyName: string;
  companyCvr: string | null;
  visitId: number | null;
  title: string;
  description: string | null;
  /** The date promised. */
  dueDate: string;
  snoozedUntil: string | null;
  /** When it is really due: the snooze date if later than the promise. */
  effectiveDue: string;
  consultantId: number | null;
  consultant: string | null;
  doneAt: string | null;
  state: FollowUpState;
  createdAt: string;
  updatedAt: string;
}

export interface FollowUpPage {
  rows: FollowUp[];
  total: number;
  offset: number;
  /** Open follow-ups in the same scope, for the badges on "Mine opfølgninger". */
  counts: { overdue: number; dueToday: number; upcoming: number };
  /** Whose follow-ups `mine` meant; null when no consultant name is set (then everyone's are shown). */
  me: Consultant | null;
  /** Today as the server saw it, so "overdue" in the UI agrees with the list. */
  today: string;
}
