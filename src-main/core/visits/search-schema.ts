import { z } from 'zod';
import type { VisitType } from '../domain/needs';

export const visitSearchSchema = z.object({
  /** Words as typed; every word must occur (as a word or the start of one) in the visit's text. */
  query: z.string().max(200, { message: 'validation.tooLong' }),
  companyId: z.number().int().positive().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(100).default(25),
});
export type VisitSearchInput = z.input<typeof visitSearchSchema>;

/**
 * A piece of a snippet: render `text` as text, emphasised when `hit`. Plain strings, never
 * markup, so a note that contains `<script>` is shown, not run.
 */
export interface TextSegment {
  text: string;
  hit: boolean;
}

export interface VisitSearchHit {
  visitId: number;
  companyId: number;
  companyName: string;
  companyCvr: string | null;
  date: string;
  type: VisitType;
  consultant: string | null;
  snippet: TextSegment[];
}

export interface VisitSearchPage {
  rows: VisitSearchHit[];
  total: number;
  offset: number;
  /** Best matches first, or, for words found in very many visits (over 5,000), the latest recorded first. */
  orderedBy: 'rank' | 'newest';
}
