import { z } from 'zod';

/** Calendar files (.ics): the period export and one item's "Tilføj til kalender". Pure zod and types. */

const positiveId = z.number().int().positive();
const dateText = z.string().max(20, { message: 'validation.dateFormat' });

/** Whose items: a consultant's id, `all`, or left out for the consultant named in settings (everyone's when none). */
export const calendarConsultant = z.union([positiveId, z.literal('all')]).optional();

export const calendarQuerySchema = z.object({
  consultant: calendarConsultant,
  /** First day (`dd.mm.yyyy` or ISO); today when left out. */
  from: dateText.optional(),
  /** Last day; a year after the first when left out. */
  to: dateText.optional(),
  /** Descriptions, notes and places go into the file only when the user chooses so. */
  notes: z.boolean().default(false),
});
export type CalendarQuery = z.input<typeof calendarQuerySchema>;

export const CALENDAR_ITEM_KINDS = ['followup', 'visit', 'lag'] as const;
export type CalendarItemKind = (typeof CALENDAR_ITEM_KINDS)[number];

export const calendarItemSchema = z.object({
  kind: z.enum(CALENDAR_ITEM_KINDS),
  id: positiveId,
  notes: z.boolean().default(false),
});
export type CalendarItemRef = z.input<typeof calendarItemSchema>;

export const reminderDueSchema = z.object({ consultant: calendarConsultant });

export const reminderSettingsSchema = z.object({
  enabled: z.boolean().optional(),
  /** `HH:MM`; `8.30` is accepted as Danes write it. */
  time: z.string().max(10).optional(),
});

/** One entry as it goes into the file. Dates are ISO; a visit with a start time is timed, the rest are all-day. */
export interface CalendarEntry {
  kind: CalendarItemKind;
  uuid: string;
  summary: string;
  date: string;
  /** `hh:mm` in Danish local time, for a visit with a start time. */
  startTime: string | null;
  durationMinutes: number | null;
  description: string | null;
  location: string | null;
  /** Stored UTC stamp of the record's last change: the entry's version for calendars that re-import. */
  updatedAt: string;
}

export interface CalendarFileResult {
  path: string;
  fileName: string;
  sizeBytes: number;
  events: number;
}
