import { z } from 'zod';
import {
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  type ReferralOutcome,
  type ReferralStatus,
} from '../../../src-shared/codes/outreach';
import { NEED_KEYS, type NeedKey } from '../domain/needs';
import type { OrganisationType } from '../domain/organisations';
import { idField, optionalDate, optionalId, optionalText, requiredText } from './outreach-fields';

export { REFERRAL_OUTCOMES, REFERRAL_STATUSES, type ReferralOutcome, type ReferralStatus };

/** draft → sent → received → in_progress → closed, with declined possible once it has left the desk. */

export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  draft: ['sent'],
  sent: ['received', 'declined'],
  received: ['in_progress', 'closed', 'declined'],
  in_progress: ['closed', 'declined'],
  closed: [],
  declined: [],
};

export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

const needs = z
  .array(z.enum(NEED_KEYS))
  .max(NEED_KEYS.length)
  .transform((v) => [...new Set(v)]);
const annexes = z
  .array(
    z
      .string()
      .max(200, { message: 'validation.tooLong' })
      .transform((s) => s.trim()),
  )
  .max(30)
  .transform((v) => v.filter(Boolean));

export const referralFieldsSchema = z.object({
  organisationId: idField,
  /** The firm's contact person named in the letter. */
  contactId: optionalId,
  consultantId: optionalId,
  schemeId: optionalId,
  caseRef: optionalText(60),
  reason: requiredText(2000),
  needs: needs.optional(),
  needsText: optionalText(10_000),
  /** How and when contact was made, and a short description of the firm. */
  background: optionalText(10_000),
  firstContactOn: optionalDate,
  /** What was done locally beyond what Bindeled lists itself (visits, LAG, knowledge, networks). */
  localActions: optionalText(10_000),
  requestedAction: optionalText(5_000),
  /** The day the firm agreed to be referred; the letter states it. */
  consentOn: optionalDate,
  annexes: annexes.optional(),
});
export const referralCreateSchema = referralFieldsSchema.extend({ companyId: idField });
export const referralUpdateSchema = z.object({ id: idField, changes: referralFieldsSchema.partial() });
export const referralStatusSchema = z.object({
  id: idField,
  status: z.enum(REFERRAL_STATUSES),
  /** The day it happened (sent, received, closed); today when left out. */
  date: optionalDate,
});
export const referralOutcomeSchema = z.object({
  id: idField,
  outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  amountOre: z.number().int().min(0).max(10_000_000_000_000).nullable().optional(),
  outcomeOn: optionalDate,
  note: optionalText(2000),
});
export const referralListSchema = z.object({
  companyId: idField.optional(),
  organisationId: idField.optional(),
  status: z.array(z.enum(REFERRAL_STATUSES)).max(REFERRAL_STATUSES.length).optional(),
  limit: z.number().int().min(1).max(5000).optional(),
  offset: z.number().int().min(0).optional(),
});

export type ReferralCreateInput = z.input<typeof referralCreateSchema>;
export type ReferralCreate = z.output<typeof referralCreateSchema>;
export type ReferralFields = z.output<typeof referralFieldsSchema>;
export type ReferralListQuery = z.output<typeof referralListSchema>;

export interface Referral {
  id: number;
  uuid: string;
  companyId: number;
  companyName: string;
  companyCvr: string | null;
  organisationId: number;
  organisationName: string;
  organisationType: OrganisationType;
  contactId: number | null;
  contactName: string | null;
  consultantId: number | null;
  consultantName: string | null;
  schemeId: number | null;
  schemeName: string | null;
  caseRef: string | null;
  reason: string;
  needs: NeedKey[];
  needsText: string | null;
  background: string | null;
  firstContactOn: string | null;
  localActions: string | null;
  requestedAction: string | null;
  consentOn: string | null;
  annexes: string[];
  status: ReferralStatus;
  /** The statuses this referral may move to next, for the UI's buttons. */
  allowedNext: ReferralStatus[];
  sentAt: string | null;
  receivedAt: string | null;
  closedAt: string | null;
  outcome: ReferralOutcome | null;
  outcomeAmountOre: number | null;
  outcomeOn: string | null;
  outcomeNote: string | null;
  createdAt: string;
  updatedAt: string;
}
