import { z } from 'zod';
/**
 * What the caseload table may ask for: filter, search, sort and a page. Pure types and zod, so the
 * renderer can share them through the API contract.
 */
import { SORTABLE_COLUMNS, type SortableColumn } from '../../../src-shared/codes/companies';
import { COMPANY_STATUSES } from '../domain/company-status';

export { SORTABLE_COLUMNS, type SortableColumn };

export const caseloadFiltersSchema = z.object({
  kommune: z.array(z.number().int()).max(100).optional(),
  status: z.array(z.enum(COMPANY_STATUSES)).max(10).optional(),
  /** Consultant ids; 0 stands for "no consultant assigned". */
  consultant: z.array(z.number().int().min(0)).max(200).optional(),
  /** A DB07 prefix such as "01" or "01.11" (dots ignored). */
  industry: z
    .string()
    .max(8)
    .regex(/^[\d.]*$/)
    .optional(),
  /** Tag ids: firms that carry any of them, as for the other lists. */
  tags: z.array(z.number().int().positive()).max(20).optional(),
});
export type CaseloadFilters = z.infer<typeof caseloadFiltersSchema>;

export const caseloadQuerySchema = z.object({
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  sort: z
    .array(z.object({ column: z.enum(SORTABLE_COLUMNS), desc: z.boolean() }))
    .max(4)
    .default([]),
  filters: caseloadFiltersSchema.default({}),
  search: z.string().max(200).default(''),
  /**
   * Whether the search also looks in the visits' notes ("søg også i besøgsnoter"). Off by default:
   * the quick search finds firms by their name, CVR, city and contact persons.
   */
  notes: z.boolean().default(false),
  /**
   * `later`: a search's first page may come back before its matches are counted (`total` null;
   * the next page counts them). The table asks so, to show rows while typing.
   */
  count: z.enum(['with-page', 'later']).default('with-page'),
});
export type CaseloadQueryInput = z.input<typeof caseloadQuerySchema>;
export type CaseloadQuery = z.output<typeof caseloadQuerySchema>;

export interface CaseloadRow {
  id: number;
  uuid: string;
  cvr: string | null;
  name: string;
  owner: string | null;
  city: string | null;
  postcode: string | null;
  kommuneCode: number | null;
  kommune: string | null;
  status: (typeof COMPANY_STATUSES)[number];
  consultantId: number | null;
  consultant: string | null;
  industryCode: string | null;
  /** DB07 or DB25: the table the code is read in. */
  industrySystem: string;
  /** The code's title in its system (core/reference/industry-codes.ts); null when the table lacks it. */
  industryTitle: string | null;
  employees: number | null;
  legalForm: string | null;
  createdAt: string;
  updatedAt: string;
  /** Date of the latest visit, call, meeting or e-mail. */
  lastContact: string | null;
  /** When the earliest open follow-up is due (after any snooze). */
  nextFollowup: string | null;
  /** The firm's tags, joined with "; " in name order. */
  tags: string | null;
}

export interface CaseloadPage {
  rows: CaseloadRow[];
  /** Null only when asked with `count: 'later'` and the matches are not counted yet. */
  total: number | null;
  offset: number;
}
