/** The two pipelines across firms: referrals to an erhvervshus or Væksthus, and LAG applications. */
export const PIPELINE_KINDS = ['referrals', 'lag'] as const;
export type PipelineKind = (typeof PIPELINE_KINDS)[number];

/** The columns each pipeline's table shows, in their default order; each one sorts in SQLite. */
export const REFERRAL_PIPELINE_COLUMNS = [
  'company',
  'organisation',
  'status',
  'consultant',
  'kommune',
  'sentAt',
  'receivedAt',
  'waitingDays',
  'outcome',
] as const;
export type ReferralPipelineColumn = (typeof REFERRAL_PIPELINE_COLUMNS)[number];

export const LAG_PIPELINE_COLUMNS = [
  'company',
  'title',
  'organisation',
  'status',
  'consultant',
  'kommune',
  'submittedAt',
  'deadline',
  'waitingDays',
  'grantRequested',
] as const;
export type LagPipelineColumn = (typeof LAG_PIPELINE_COLUMNS)[number];

export type PipelineColumn = ReferralPipelineColumn | LagPipelineColumn;

/** How a pipeline page is shown: rows, or cards in a column per status. */
export const PIPELINE_MODES = ['table', 'board'] as const;
export type PipelineMode = (typeof PIPELINE_MODES)[number];
