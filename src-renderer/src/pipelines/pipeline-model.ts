import { LAG_STATUSES, REFERRAL_STATUSES } from '../../../src-shared/codes/outreach';
import {
  LAG_PIPELINE_COLUMNS,
  type PipelineColumn,
  type PipelineKind,
  type PipelineMode,
  REFERRAL_PIPELINE_COLUMNS,
} from '../../../src-shared/codes/pipelines';
import { labelKey } from '../../../src-shared/messages/code-labels';
import type { LagPipelineRow, ReferralPipelineRow } from '../api/types';
import type { MessageKey } from '../i18n/translate';

/** What the two pipeline pages differ in; everything else is one page. */
export type PipelineRow = ReferralPipelineRow | LagPipelineRow;

export interface PipelineFilters {
  status?: string[];
  organisation?: number[];
  consultant?: number[];
  kommune?: number[];
  from?: string;
  to?: string;
  waitingDays?: number;
}

export interface PipelineState {
  filters: PipelineFilters;
  sort: Array<{ column: PipelineColumn; desc: boolean }>;
  mode: PipelineMode;
}

export interface PipelineSpec {
  kind: PipelineKind;
  path: string;
  columns: readonly PipelineColumn[];
  statuses: readonly string[];
  statusLabel(status: string): MessageKey;
  /** Organisation types offered in the organisation filter. */
  organisationTypes: (type: string) => boolean;
}

export const PIPELINE_SPECS: Readonly<Record<PipelineKind, PipelineSpec>> = {
  referrals: {
    kind: 'referrals',
    path: '/referrals',
    columns: REFERRAL_PIPELINE_COLUMNS,
    statuses: REFERRAL_STATUSES,
    statusLabel: (s) => labelKey.referralStatus(s as (typeof REFERRAL_STATUSES)[number]),
    organisationTypes: (type) => type !== 'lag',
  },
  lag: {
    kind: 'lag',
    path: '/lag',
    columns: LAG_PIPELINE_COLUMNS,
    statuses: LAG_STATUSES,
    statusLabel: (s) => labelKey.lagStatus(s as (typeof LAG_STATUSES)[number]),
    organisationTypes: (type) => type === 'lag',
  },
};

export const EMPTY_STATE: PipelineState = { filters: {}, sort: [], mode: 'table' };

/** Filters as the API takes them: empty lists and texts left out, dates as typed (the API reads dd.mm.yyyy). */
export function cleanPipelineFilters(f: PipelineFilters): PipelineFilters {
  const out: PipelineFilters = {};
  if (f.status?.length) out.status = f.status;
  if (f.organisation?.length) out.organisation = f.organisation;
  if (f.consultant?.length) out.consultant = f.consultant;
  if (f.kommune?.length) out.kommune = f.kommune;
  if (f.from?.trim()) out.from = f.from.trim();
  if (f.to?.trim()) out.to = f.to.trim();
  if (f.waitingDays !== undefined) out.waitingDays = f.waitingDays;
  return out;
}

export const hasPipelineFilters = (f: PipelineFilters) => Object.keys(cleanPipelineFilters(f)).length > 0;

/** The status a card moves to with an arrow key: the nearest allowed one in that direction. */
export function neighbourStatus(
  statuses: readonly string[],
  current: string,
  allowed: readonly string[],
  direction: 1 | -1,
): string | undefined {
  const here = statuses.indexOf(current);
  const candidates = allowed
    .map((s) => ({ s, i: statuses.indexOf(s) }))
    .filter(({ i }) => (direction === 1 ? i > here : i < here))
    .sort((a, b) => (a.i - b.i) * direction);
  return candidates[0]?.s;
}
