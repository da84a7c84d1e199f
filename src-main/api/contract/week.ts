import { z } from 'zod';
import { WEEK_THRESHOLD_MAX } from '../../../src-shared/codes/week';
import type { Identity } from '../../core/settings/identity-types';
import type { WeekData } from '../../core/week/week-types';
import { method, NO_ACCESS_LOG } from './define';

const days = z
  .number({ message: 'week.daysRange' })
  .int({ message: 'week.daysRange' })
  .min(1, { message: 'week.daysRange' })
  .max(WEEK_THRESHOLD_MAX, { message: 'week.daysRange' });

export const weekThresholdsSchema = z.object({
  /** A sent referral with no answer after this many days is listed. */
  referralDays: days.optional(),
  /** A LAG application still being written is listed when its deadline is this close. */
  lagDays: days.optional(),
  /** An open firm of mine not contacted for this many days is listed. */
  quietDays: days.optional(),
});

/**
 * Who am I (the user's consultant identity) and "Min uge", the start page: what to do this week
 * across the caseload. Core: core/settings/identity.ts, core/week/.
 */
export const weekContract = {
  'identity.get': method(z.object({})).returns<Identity>(NO_ACCESS_LOG),
  'identity.set': method(
    z.object({
      name: z.string().trim().min(1, { message: 'identity.nameRequired' }).max(100, { message: 'validation.tooLong' }),
      role: z.string().trim().max(100, { message: 'validation.tooLong' }).optional(),
    }),
  ).returns<Identity>(NO_ACCESS_LOG),
  'week.get': method(
    z.object({
      scope: z.enum(['mine', 'all']).default('mine'),
      consultantId: z.number().int().positive().optional(),
      on: z.string().max(20, { message: 'validation.dateFormat' }).optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
  ).returns<WeekData>(NO_ACCESS_LOG),
  'week.thresholds': method(z.object({})).returns<Required<z.infer<typeof weekThresholdsSchema>>>(NO_ACCESS_LOG),
  'week.setThresholds':
    method(weekThresholdsSchema).returns<Required<z.infer<typeof weekThresholdsSchema>>>(NO_ACCESS_LOG),
} as const;

export type { Identity } from '../../core/settings/identity-types';
export type {
  LagItem,
  PlannedVisit,
  QuietFirm,
  Section,
  WaitingReferral,
  WeekData,
} from '../../core/week/week-types';
