/**
 * What a visit records about a firm: the kind of contact, the needs checklist (issue 3, the same
 * list the referral letter repeats) and the assessed development potential. Keys are stored; the
 * texts live in the message catalogue (`need_*`, `visit_type_*`, `potential_*`) so letters, the CLI
 * and the UI say the same thing.
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

/** 1 = very little … 5 = very large; the labels are `potential_1` … `potential_5`. */
export const POTENTIAL_LEVELS = [1, 2, 3, 4, 5] as const;
export type PotentialLevel = (typeof POTENTIAL_LEVELS)[number];

export const needLabelKey = (need: NeedKey) => `need_${need}` as const;
export const visitTypeLabelKey = (type: VisitType) => `visit_type_${type}` as const;
export const potentialLabelKey = (level: PotentialLevel) => `potential_${level}` as const;
