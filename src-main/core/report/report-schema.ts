import { z } from 'zod';

import {
  BREAKDOWNS,
  type Breakdown,
  KPI_KEYS,
  type KpiKey,
  QUALITY_KEYS,
  type QualityKey,
} from '../../../src-shared/codes/report';

export * from '../../../src-shared/codes/report';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.dateFormat');

export const reportQuerySchema = z.object({
  from: isoDate,
  to: isoDate,
  /** Outcomes (grants) count only when dated on or before this day; defaults to `to`. */
  asOf: isoDate.optional(),
  consultantIds: z.array(z.number().int().positive()).max(500).optional(),
  kommuneCodes: z.array(z.number().int().positive()).max(200).optional(),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const reportListSchema = reportQuerySchema.extend({
  list: z.union([z.enum(KPI_KEYS), z.enum(QUALITY_KEYS.map((k) => `quality_${k}` as const))]),
  breakdown: z.enum(BREAKDOWNS).optional(),
  key: z.string().max(40).optional(),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type ReportListInput = z.input<typeof reportListSchema>;
export type ReportListKind = z.infer<typeof reportListSchema>['list'];

export const reportExportSchema = reportQuerySchema.extend({
  path: z.string().min(1).max(1000),
});

export type KpiValues = Record<KpiKey, number>;

export interface BreakdownRow {
  /** Kommune code, consultant id ('0' = none), section letter ('?' = unknown) or size band. */
  key: string;
  label: string;
  values: KpiValues;
}

export interface FunnelStep {
  key: KpiKey;
  value: number;
  /** Share of the funnel's first step, 0–1. */
  share: number;
}

/** One month (YYYY-MM) of the period: firms contacted for the first time in it, and so far. */
export interface TrendMonth {
  month: string;
  firstContacts: number;
  companiesSoFar: number;
}

export interface ProgrammeReport {
  /** Firms contacted per month, every month of the period; the last `companiesSoFar` is `companies_contacted`. */
  trend: TrendMonth[];
  from: string;
  to: string;
  asOf: string;
  consultantIds: number[];
  kommuneCodes: number[];
  totals: KpiValues;
  breakdowns: Record<Breakdown, BreakdownRow[]>;
  funnel: FunnelStep[];
  quality: Record<QualityKey, number>;
  /** Firms in the caseload (unfiltered), so the page can offer the demo on an empty database. */
  companyCount: number;
}

export interface ReportCompany {
  id: number;
  name: string;
  cvr: string | null;
  kommune: string | null;
  consultant: string | null;
  industryCode: string | null;
  employees: number | null;
  /** The first dated activity behind the figure in the period (ISO), if any. */
  firstDate: string | null;
}

export interface ReportCompanyPage {
  total: number;
  offset: number;
  rows: ReportCompany[];
}

export interface ReportExportResult {
  path: string;
  fileName: string;
  sizeBytes: number;
  /** Set when the chosen file could not be replaced (open in Word or Excel): `path` is the name taken instead. */
  takenName?: string;
}

export interface DemoResult {
  companies: number;
  visits: number;
  referrals: number;
  lagApplications: number;
  knowledgeContacts: number;
  networks: number;
}
