import { useSyncExternalStore } from 'react';
import { type CaseloadState, initialState } from './caseload-state';

/**
 * The caseload's state lives outside the page so that opening a company and coming back keeps
 * the filters, the sort, the active row and the scroll position.
 */
interface StoreState {
  table: CaseloadState;
  activeIndex: number | null;
  scrollOffset: number;
  /** Bumped after a write so cached pages are fetched again. */
  dataVersion: number;
}

let state: StoreState = { table: initialState(), activeIndex: null, scrollOffset: 0, dataVersion: 0 };
const listeners = new Set<() => void>();

function emit() {
  for (const l of listeners) l();
}

export const caseloadStore = {
  get: (): StoreState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Changes what is shown; a change to sort/filter/search starts again at the top. */
  setTable(update: (t: CaseloadState) => CaseloadState, opts: { keepPosition?: boolean } = {}): void {
    const table = update(state.table);
    state = opts.keepPosition ? { ...state, table } : { ...state, table, activeIndex: null, scrollOffset: 0 };
    emit();
  },
  setActiveIndex(activeIndex: number | null): void {
    if (activeIndex === state.activeIndex) return;
    state = { ...state, activeIndex };
    emit();
  },
  /** Remembered without re-rendering: only read when the page mounts again. */
  rememberScroll(offset: number): void {
    state = { ...state, scrollOffset: offset };
  },
  dataChanged(): void {
    state = { ...state, dataVersion: state.dataVersion + 1 };
    emit();
  },
};

export function useCaseloadStore(): StoreState {
  return useSyncExternalStore(caseloadStore.subscribe, caseloadStore.get);
}
