import type { LagStatus } from './outreach';

/** The sections of "Min uge", in the order the page and the CLI show them. */
export const WEEK_SECTIONS = ['followups', 'visits', 'referrals', 'lag', 'quiet'] as const;
export type WeekSection = (typeof WEEK_SECTIONS)[number];

/** The thresholds of "Min uge" (settings), in days. */
export const WEEK_THRESHOLDS = ['referralDays', 'lagDays', 'quietDays'] as const;
export type WeekThreshold = (typeof WEEK_THRESHOLDS)[number];
export type WeekThresholds = Record<WeekThreshold, number>;

export const WEEK_THRESHOLD_DEFAULTS: WeekThresholds = { referralDays: 14, lagDays: 30, quietDays: 90 };
export const WEEK_THRESHOLD_MAX = 3650;

/** Applications still being written: their deadline is what matters. */
export const LAG_DRAFT_STATUSES = ['idea', 'drafting'] as const satisfies readonly LagStatus[];
/** Applications with the LAG or the authority: waiting for a decision. */
export const LAG_WAITING_STATUSES = ['submitted', 'recommended'] as const satisfies readonly LagStatus[];
