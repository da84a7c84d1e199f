import type { CompanyStatus } from '../../../src-shared/codes/companies';
import type { LagStatus } from '../../../src-shared/codes/outreach';
import type { WeekThresholds } from '../../../src-shared/codes/week';
import type { FollowUp } from '../followups/followup-schema';
import type { Consultant } from '../reference/reference-types';

/** "Min uge" as the API returns it: pure types, so the contract and the renderer can share them. */

export interface WeekQuery {
  /** `mine`: the user's own (everyone's while no name is set); `all`: everyone's. */
  scope: 'mine' | 'all';
  /** A colleague's week; wins over `scope`. */
  consultantId?: number;
  /** The day the week is seen from (`dd.mm.yyyy` or ISO); today when left out. */
  on?: string;
  /** Most rows per section; the totals count them all. */
  limit: number;
}

export interface Section<T> {
  rows: T[];
  total: number;
}

export interface PlannedVisit {
  companyId: number;
  companyName: string;
  status: CompanyStatus;
  /** The next open follow-up's date: the day the visit is due. */
  due: string;
  consultant: string | null;
}

export interface WaitingReferral {
  id: number;
  companyId: number;
  companyName: string;
  organisation: string;
  sentAt: string;
  /** Days since it was sent, as of `on`. */
  days: number;
  consultant: string | null;
}

export interface LagItem {
  id: number;
  companyId: number;
  companyName: string;
  lag: string;
  title: string;
  status: LagStatus;
  deadline: string | null;
  submittedAt: string | null;
  /** `deadline`: still being written, deadline within the threshold; `decision`: waiting for the LAG. */
  reason: 'deadline' | 'decision';
  consultant: string | null;
}

export interface QuietFirm {
  companyId: number;
  companyName: string;
  status: CompanyStatus;
  /** The last visit or contact; null when the firm has never been contacted. */
  lastContact: string | null;
  consultant: string | null;
}

export interface WeekData {
  /** The day seen from, and the Monday and Sunday of its week. */
  on: string;
  weekStart: string;
  weekEnd: string;
  /** The user (settings or `--as`); null while no name is set. */
  me: Consultant | null;
  /** Whose week this is: null for everyone's. */
  consultant: Consultant | null;
  thresholds: WeekThresholds;
  /** Open follow-ups due by the end of the week, overdue first. */
  followups: Section<FollowUp>;
  visits: Section<PlannedVisit>;
  referrals: Section<WaitingReferral>;
  lag: Section<LagItem>;
  quiet: Section<QuietFirm>;
}
