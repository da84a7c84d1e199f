export const REFERRAL_STATUSES = ['draft', 'sent', 'received', 'in_progress', 'closed', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** What came of a referral; "grant_awarded" is the programme's figure ("10 of 81"). */
export const REFERRAL_OUTCOMES = ['grant_awarded', 'advice_given', 'no_grant', 'declined_by_firm', 'other'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** idea → drafting → submitted → recommended → approved/rejected → paid → closed (an idea may be dropped). */
export const LAG_STATUSES = [
  'idea',
  'drafting',
  'submitted',
  'recommended',
  'approved',
  'rejected',
  'paid',
  'closed',
] as const;
export type LagStatus = (typeof LAG_STATUSES)[number];

export const KNOWLEDGE_TYPES = ['institution', 'researcher', 'mentor', 'other'] as const;
export type KnowledgeType = (typeof KNOWLEDGE_TYPES)[number];

/** Organisation types (docs/domain.md); the organisations themselves are editable reference data. */
export const ORGANISATION_TYPES = [
  'erhvervshus',
  'vaeksthus',
  'lag',
  'knowledge_institution',
  'mentor',
  'private_consultant',
  'bank',
  'kommune',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
