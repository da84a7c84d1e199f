import { z } from 'zod';
import { COMPANY_STATUSES, type CompanyStatus } from '../../domain/company-status';
import { dateField, optionalText, requiredText } from '../../referrals/outreach-fields';
import { caseloadFiltersSchema } from '../caseload-schema';

/** The firms a bulk action is for: rows ticked, or every firm the caseload's filter and search match. */
export const bulkSelectionSchema = z.union([
  z.object({ ids: z.array(z.number().int().positive()).max(200_000) }),
  z.object({
    query: z.object({
      filters: caseloadFiltersSchema.prefault({}),
      search: z.string().max(200).default(''),
      notes: z.boolean().default(false),
    }),
  }),
]);

export const bulkActionSchema = z.discriminatedUnion('kind', [
  /** To another consultant, with the firm's open follow-ups that were the previous consultant's or nobody's. */
  z.object({
    kind: z.literal('reassign'),
    consultantId: z.number().int().positive().optional(),
    consultantName: z.string().max(200).optional(),
  }),
  /** Closing takes a reason, as in the company form. */
  z.object({ kind: z.literal('status'), status: z.enum(COMPANY_STATUSES), reason: optionalText(2000) }),
  z.object({
    kind: z.literal('followup'),
    title: requiredText(200),
    dueDate: dateField,
    description: optionalText(5000),
  }),
  z.object({ kind: z.literal('network'), networkId: z.number().int().positive(), joinedOn: dateField }),
]);

export const bulkInputSchema = z.object({
  selection: bulkSelectionSchema,
  action: bulkActionSchema,
  /** Counts what would change and writes nothing. */
  dryRun: z.boolean().default(false),
});
export type BulkInput = z.output<typeof bulkInputSchema>;
export type BulkInputRaw = z.input<typeof bulkInputSchema>;
export type BulkAction = z.output<typeof bulkActionSchema>;
export type BulkKind = BulkAction['kind'];

export interface BulkResult {
  kind: BulkKind;
  dryRun: boolean;
  /** Firms selected. */
  selected: number;
  /** Firms the action changed (a firm already so is left alone). */
  changed: number;
  /** Open follow-ups that moved with a reassignment. */
  followupsMoved: number;
}

/** What undo can take back: the last bulk action, as recorded when it ran. */
export interface BulkLast {
  kind: BulkKind;
  at: string;
  changed: number;
}

export type { CompanyStatus };
