import { useEffect, useMemo, useReducer } from 'react';
import { api } from '../api';
import type { CaseloadRow } from '../api/types';
import { type CaseloadState, cleanFilters, queryKey } from './caseload-state';
import { RowLoader } from './row-loader';

export const PAGE_SIZE = 100;

export interface CaseloadRows {
  /** Null until the first page has answered. */
  total: number | null;
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
  const key = `${queryKey(table)}#${dataVersion}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for sort, filters and search.
  const loader = useMemo(() => {
    const { sort, filters, search } = table;
    return new RowLoader<CaseloadRow>(
      (offset, limit) =>
        api.call('companies.list', { offset, limit, sort, filters: cleanFilters(filters), search: search.trim() }),
      rerender,
      onError,
      2,
      PAGE_SIZE,
    );
  }, [key]);

  useEffect(() => {
    loader.start();
    return () => loader.stop();
  }, [loader]);

  return {
    total: loader.cache.total,
    row: (index) => loader.cache.get(index),
    setRange: (start, end) => loader.setRange(start, end),
  };
}
