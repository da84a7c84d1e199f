import { z } from 'zod';
import { KPI_KEYS, type KpiKey } from '../../../src-shared/codes/report';

/** The report's settings as the API gives and takes them: node-free, so the contract can share them. */
export const ISO = /^\d{4}-\d{2}-\d{2}$/;

export interface ProgrammeYear {
  from: string;
  to: string;
}
/** A year's target per figure; a figure without one has no target line. */
export type ReportTargets = Partial<Record<KpiKey, number>>;

export interface ReportSettings {
  /** The programme's own year (the report's first preset), when one is set. */
  programmeYear: ProgrammeYear | null;
  targets: ReportTargets;
  /** The first and last day anything the report counts happened; null in an empty caseload. */
  dataFrom: string | null;
  dataTo: string | null;
}

const isoDay = z.string().regex(ISO, { message: 'validation.dateFormat' });
export const reportSettingsUpdateSchema = z.object({
  programmeYear: z.object({ from: isoDay, to: isoDay }).nullable().optional(),
  targets: z.partialRecord(z.enum(KPI_KEYS), z.number().int().min(0).max(10_000_000)).optional(),
});
