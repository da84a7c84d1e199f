import { z } from 'zod';
import { caseloadFiltersSchema, SORTABLE_COLUMNS } from '../companies/caseload-schema';

/** What a saved view remembers of the caseload table: everything a consultant set up by hand. */
export const viewStateSchema = z.object({
  sort: z.array(z.object({ column: z.enum(SORTABLE_COLUMNS), desc: z.boolean() })).max(4),
  filters: caseloadFiltersSchema,
  search: z.string().max(200),
  /** The search also looked in the visits' notes; absent in views saved before that choice. */
  searchNotes: z.boolean().optional(),
  columnOrder: z.array(z.string().max(40)).max(40),
  hiddenColumns: z.array(z.string().max(40)).max(40),
});
export type ViewState = z.infer<typeof viewStateSchema>;

export interface SavedView {
  id: number;
  name: string;
  state: ViewState;
  updatedAt: string;
}
