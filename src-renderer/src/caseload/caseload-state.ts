import { CASELOAD_COLUMNS, type CaseloadColumn } from '../../../src-shared/codes/companies';
import type { CaseloadFilters, SortableColumn, ViewState } from '../api/types';

/** Hidden until chosen: what is left fits a 1366 px screen with "Næste opfølgning" in view. */
export const DEFAULT_HIDDEN: readonly CaseloadColumn[] = [
  'owner',
  'city',
  'postcode',
  'legalForm',
  'updatedAt',
  'tags',
];

export interface SortItem {
  column: SortableColumn;
  desc: boolean;
}

export interface CaseloadState {
  sort: SortItem[];
  filters: CaseloadFilters;
  search: string;
  /** The search also looks in the visits' notes ("søg også i besøgsnoter"). */
  searchNotes: boolean;
  columnOrder: CaseloadColumn[];
  hiddenColumns: CaseloadColumn[];
  /** The saved view last chosen (the state may since have been changed by hand). */
  viewId: number | null;
}

export const MAX_SORT = 4;

export function initialState(): CaseloadState {
  return {
    sort: [],
    filters: {},
    search: '',
    searchNotes: false,
    columnOrder: [...CASELOAD_COLUMNS],
    hiddenColumns: [...DEFAULT_HIDDEN],
    viewId: null,
  };
}

export function isColumnId(id: string): id is CaseloadColumn {
  return (CASELOAD_COLUMNS as readonly string[]).includes(id);
}

/** Keeps known columns in the saved order and adds columns a newer version introduced at the end. */
export function normaliseOrder(order: readonly string[]): CaseloadColumn[] {
  const known = order.filter(isColumnId);
  const unique = [...new Set(known)];
  return [...unique, ...CASELOAD_COLUMNS.filter((c) => !unique.includes(c))];
}

/** Drops empty filters so a query and a saved view compare equal however they were built. */
export function cleanFilters(filters: CaseloadFilters): CaseloadFilters {
  const out: CaseloadFilters = {};
  if (filters.kommune?.length) out.kommune = [...filters.kommune].sort((a, b) => a - b);
  if (filters.status?.length) out.status = [...filters.status].sort();
  if (filters.consultant?.length) out.consultant = [...filters.consultant].sort((a, b) => a - b);
  const industry = filters.industry?.trim();
  if (industry) out.industry = industry;
  if (filters.tags?.length) out.tags = [...filters.tags].sort((a, b) => a - b);
  return out;
}

export function hasFilters(state: Pick<CaseloadState, 'filters' | 'search'>): boolean {
  return Object.keys(cleanFilters(state.filters)).length > 0 || state.search.trim() !== '';
}

export function toViewState(state: CaseloadState): ViewState {
  return {
    sort: state.sort.map((s) => ({ column: s.column, desc: s.desc })),
    filters: cleanFilters(state.filters),
    search: state.search.trim(),
    searchNotes: state.searchNotes,
    columnOrder: [...state.columnOrder],
    hiddenColumns: [...state.hiddenColumns],
  };
}

export function applyViewState(view: ViewState, viewId: number | null): CaseloadState {
  return {
    sort: view.sort.slice(0, MAX_SORT),
    filters: cleanFilters(view.filters),
    search: view.search,
    searchNotes: view.searchNotes ?? false,
    columnOrder: normaliseOrder(view.columnOrder),
    hiddenColumns: view.hiddenColumns.filter(isColumnId),
    viewId,
  };
}

/** True when the table no longer shows what the chosen view (or the default) would. */
export function isModified(state: CaseloadState, view: ViewState | null): boolean {
  const base = view ? toViewState(applyViewState(view, null)) : toViewState(initialState());
  const now = toViewState(state);
  return JSON.stringify(comparable(base)) !== JSON.stringify(comparable(now));
}

function comparable(v: ViewState) {
  return { ...v, hiddenColumns: [...v.hiddenColumns].sort() };
}

/** The part of the state that decides which rows the server returns (and so the page cache). */
export function queryKey(state: Pick<CaseloadState, 'sort' | 'filters' | 'search' | 'searchNotes'>): string {
  return JSON.stringify({
    sort: state.sort,
    filters: cleanFilters(state.filters),
    search: state.search.trim(),
    notes: state.searchNotes,
  });
}

export function moveColumn(order: readonly CaseloadColumn[], id: CaseloadColumn, to: number): CaseloadColumn[] {
  const without = order.filter((c) => c !== id);
  const at = Math.max(0, Math.min(to, without.length));
  return [...without.slice(0, at), id, ...without.slice(at)];
}
