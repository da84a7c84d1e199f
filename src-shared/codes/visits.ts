/**
 * What a visit records about a firm: the kind of contact, the needs checklist (the same list the
 * referral letter repeats) and the assessed development potential. Codes are stored; their texts
 * live in the message catalogues so letters, the CLI and the UI say the same thing.
 */
export const VISIT_TYPES = ['visit', 'phone', 'meeting', 'email'] as const;
export type VisitType = (typeof VISIT_TYPES)[number];

export const NEED_KEYS = [
  'business_plan',
  'financing',
  'sales_marketing',
  'product_development',
  'digitalisation',
  'export',
  'networks',
  'competences',
  'generational_change',
  'other',
] as const;
export type NeedKey = (typeof NEED_KEYS)[number];

/** 1 = very little … 5 = very large. */
export const POTENTIAL_LEVELS = [1, 2, 3, 4, 5] as const;
export type PotentialLevel = (typeof POTENTIAL_LEVELS)[number];

/** Where a follow-up stands today (after any snooze); derived, not stored. */
export const FOLLOWUP_STATES = ['overdue', 'due', 'upcoming', 'done'] as const;
export type FollowUpState = (typeof FOLLOWUP_STATES)[number];

export const FOLLOWUP_FILTERS = ['open', 'due', 'overdue', 'upcoming', 'done', 'all'] as const;
export type FollowUpFilter = (typeof FOLLOWUP_FILTERS)[number];
