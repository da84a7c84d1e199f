import { z } from 'zod';

/**
 * Form drafts: what a form holds while the consultant types, saved as they go so a reload or a
 * crash loses nothing. Keys name the form: `visit:new:<companyId>` for a new visit,
 * `visit:<visitId>` for an edit; other forms may use their own `area:…` keys.
 */
export const DRAFT_KEY = /^[a-z][a-z0-9_-]{0,30}(:[a-z0-9_-]{1,40}){0,4}$/;
export const DRAFT_MAX_CHARS = 500_000;

const key = z.string().max(120, { message: 'draft.keyFormat' }).regex(DRAFT_KEY, { message: 'draft.keyFormat' });

export const draftKeySchema = z.object({ key });

export const draftSaveSchema = z.object({
  key,
  /** Whatever the form needs to restore itself (field values, which row has focus…). */
  payload: z.record(z.string(), z.unknown()),
  /** Ties the draft to a company, so deleting the company deletes its drafts; derived for visit keys. */
  companyId: z.number().int().positive().optional(),
});
export type DraftSaveInput = z.input<typeof draftSaveSchema>;

export const draftListSchema = z.object({ companyId: z.number().int().positive().optional() });

export interface Draft {
  key: string;
  companyId: number | null;
  payload: Record<string, unknown>;
  updatedAt: string;
}

/** Drafts listed without their payload: enough to say "you have an unsaved visit". */
export type DraftSummary = Omit<Draft, 'payload'>;
