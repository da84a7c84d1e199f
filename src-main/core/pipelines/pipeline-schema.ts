import { z } from 'zod';
import {
  LAG_PIPELINE_COLUMNS,
  PIPELINE_KINDS,
  PIPELINE_MODES,
  type PipelineKind,
  REFERRAL_PIPELINE_COLUMNS,
} from '../../../src-shared/codes/pipelines';
import { LAG_STATUSES, type LagStatus } from '../lag/lag-schema';
import { optionalDate } from '../referrals/outreach-fields';
import { type REFERRAL_OUTCOMES, REFERRAL_STATUSES, type ReferralStatus } from '../referrals/referral-schema';

/**
 * What a pipeline page may ask for: the referrals or LAG applications of every firm, filtered,
 * sorted and paged in SQLite as the caseload is (the renderer holds only the rows on screen).
 */
const ids = (max: number) => z.array(z.number().int().min(0)).max(max).optional();

const commonFilters = {
  /** Organisation (referrals) or LAG (applications) ids. */
  organisation: ids(200),
  /** Consultant ids; 0 stands for "no consultant". */
  consultant: ids(200),
  kommune: ids(100),
  /** The sent (referrals) or submitted (applications) day, from and to, both included. */
  from: optionalDate,
  to: optionalDate,
  /** Only those still waiting for an answer (sent, not received; submitted, not decided) longer than this. */
  waitingDays: z.number().int().min(0).max(36_500).optional(),
  companyId: z.number().int().positive().optional(),
};

export const referralPipelineFiltersSchema = z.object({
  status: z.array(z.enum(REFERRAL_STATUSES)).max(REFERRAL_STATUSES.length).optional(),
  ...commonFilters,
});
export const lagPipelineFiltersSchema = z.object({
  status: z.array(z.enum(LAG_STATUSES)).max(LAG_STATUSES.length).optional(),
  ...commonFilters,
});

const page = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  /** The day waiting is counted to; today when left out. */
  on: optionalDate,
};

/** A pipeline's query: a page, up to three sorts by its own columns, and its own filters (all empty when left out). */
const pipelineQuerySchema = <C extends readonly [string, ...string[]], F extends z.ZodType>(columns: C, filters: F) =>
  z.object({
    ...page,
    sort: z
      .array(z.object({ column: z.enum(columns), desc: z.boolean() }))
      .max(3)
      .default([]),
    filters,
  });

export const referralPipelineQuerySchema = pipelineQuerySchema(
  REFERRAL_PIPELINE_COLUMNS,
  referralPipelineFiltersSchema.prefault({}),
);
export const lagPipelineQuerySchema = pipelineQuerySchema(LAG_PIPELINE_COLUMNS, lagPipelineFiltersSchema.prefault({}));
export type ReferralPipelineQuery = z.output<typeof referralPipelineQuerySchema>;
export type LagPipelineQuery = z.output<typeof lagPipelineQuerySchema>;
export type ReferralPipelineQueryInput = z.input<typeof referralPipelineQuerySchema>;
export type LagPipelineQueryInput = z.input<typeof lagPipelineQuerySchema>;
export type ReferralPipelineFilters = z.output<typeof referralPipelineFiltersSchema>;
export type LagPipelineFilters = z.output<typeof lagPipelineFiltersSchema>;

interface PipelineRowBase {
  id: number;
  companyId: number;
  companyName: string;
  companyCvr: string | null;
  organisationId: number;
  organisationName: string;
  consultantId: number | null;
  consultant: string | null;
  kommuneCode: number | null;
  kommune: string | null;
  /** Whole days since it was sent or submitted, while the answer is awaited; else null. */
  waitingDays: number | null;
}

export interface ReferralPipelineRow extends PipelineRowBase {
  status: ReferralStatus;
  allowedNext: ReferralStatus[];
  sentAt: string | null;
  receivedAt: string | null;
  closedAt: string | null;
  outcome: (typeof REFERRAL_OUTCOMES)[number] | null;
  outcomeAmountOre: number | null;
}

export interface LagPipelineRow extends PipelineRowBase {
  title: string;
  status: LagStatus;
  allowedNext: LagStatus[];
  submittedAt: string | null;
  deadline: string | null;
  decidedAt: string | null;
  grantRequestedOre: number;
}

export interface PipelinePage<R> {
  rows: R[];
  total: number;
  offset: number;
}

/** What a saved pipeline view remembers: the filters, the sort and table or board. */
export const pipelineViewStateSchema = z.object({
  filters: z.record(z.string(), z.unknown()),
  sort: z.array(z.object({ column: z.string().max(40), desc: z.boolean() })).max(3),
  mode: z.enum(PIPELINE_MODES),
});
export type PipelineViewState = z.infer<typeof pipelineViewStateSchema>;

export const pipelineKindSchema = z.enum(PIPELINE_KINDS);

export interface PipelineView {
  name: string;
  state: PipelineViewState;
  updatedAt: string;
}

export const pipelineViewSaveSchema = z.object({
  kind: pipelineKindSchema,
  name: z
    .string()
    .max(80, { message: 'validation.tooLong' })
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, { message: 'validation.required' }),
  state: pipelineViewStateSchema,
});

export type { PipelineKind };
