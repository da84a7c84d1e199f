import type { NeedKey } from '../../../src-shared/codes/visits';
import type { KnowledgeType, LagStatus, ReferralOutcome, ReferralStatus } from '../api/types';
import type { MessageKey } from '../i18n/da';

export const REFERRAL_STATUS_KEYS: Record<ReferralStatus, MessageKey> = {
  draft: 'out.referral.status.draft',
  sent: 'out.referral.status.sent',
  received: 'out.referral.status.received',
  in_progress: 'out.referral.status.in_progress',
  closed: 'out.referral.status.closed',
  declined: 'out.referral.status.declined',
};

export const REFERRAL_OUTCOME_KEYS: Record<ReferralOutcome, MessageKey> = {
  grant_awarded: 'out.referral.outcome.grant_awarded',
  advice_given: 'out.referral.outcome.advice_given',
  no_grant: 'out.referral.outcome.no_grant',
  declined_by_firm: 'out.referral.outcome.declined_by_firm',
  other: 'out.referral.outcome.other',
};

export const LAG_STATUS_KEYS: Record<LagStatus, MessageKey> = {
  idea: 'out.lag.status.idea',
  drafting: 'out.lag.status.drafting',
  submitted: 'out.lag.status.submitted',
  recommended: 'out.lag.status.recommended',
  approved: 'out.lag.status.approved',
  rejected: 'out.lag.status.rejected',
  paid: 'out.lag.status.paid',
  closed: 'out.lag.status.closed',
};

export const KNOWLEDGE_TYPE_KEYS: Record<KnowledgeType, MessageKey> = {
  institution: 'out.knowledge.type.institution',
  researcher: 'out.knowledge.type.researcher',
  mentor: 'out.knowledge.type.mentor',
  other: 'out.knowledge.type.other',
};

export { NEED_KEYS, type NeedKey } from '../../../src-shared/codes/visits';

export const needLabelKey = (need: NeedKey): MessageKey => `out.need.${need}`;
