import { useMemo, useReducer, useRef } from 'react';
import { api } from '../api';
import type { CaseloadRow } from '../api/types';
import { type CaseloadState, cleanFilters, queryKey } from './caseload-state';
import { RowLoader, useRunningLoader } from './row-loader';

export const PAGE_SIZE = 100;

export interface CaseloadRows {
  /** Sort, filters and search of the rows asked for (not of the stale rows shown meanwhile). */
  query: string;
  /** Null until the first page has answered. */
  total: number | null;
  /** True while `total` is only the rows so far and the matches are being counted. */
  counting: boolean;
  /** True while the rows shown are the previous query's and the new query's first page is on its way. */
  stale: boolean;
  row(index: number): CaseloadRow | undefined;
  setRange(start: number, end: number): void;
}

/** Server-side rows for the table's current sort/filter/search, one page of 100 at a time. */
export function useCaseloadRows(
  table: CaseloadState,
  dataVersion: number,
  onError: (err: unknown) => void,
): CaseloadRows {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const query = queryKey(table);
  const key = `${query}#${dataVersion}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for sort, filters and search.
  const loader = useMemo(() => {
    const { sort, filters, search, searchNotes } = table;
    return new RowLoader<CaseloadRow>(
      (offset, limit, jobId) =>
        api.call(
          'companies.list',
          {
            offset,
            limit,
            sort,
            filters: cleanFilters(filters),
            search: search.trim(),
            notes: searchNotes,
            // A search's first page may come before its count: rows on screen while typing.
            count: 'later',
          },
          // A job id, so the search a newer one replaces can be cancelled on the server.
          { jobId },
        ),
      rerender,
      onError,
      2,
      PAGE_SIZE,
      (jobId) => void api.call('jobs.cancel', { jobId }).catch(() => {}),
    );
  }, [key]);

  useRunningLoader(loader);

  // The last query that has answered stays on screen until the new one's first page arrives, so
  // typing in the search box or saving a company does not blank the table between two results.
  const shown = useRef(loader);
  if (loader.cache.total !== null) shown.current = loader;
  const view = shown.current;

  return {
    query,
    total: view.cache.total,
    counting: !view.cache.counted,
    stale: view !== loader,
    row: (index) => view.cache.get(index),
    setRange: (start, end) => loader.setRange(start, end),
  };
}
