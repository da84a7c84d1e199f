import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../api';
import type { Consultant, Kommune, Tag } from '../api/types';

/**
 * Reference lists (kommuner, consultants) are small and change rarely: fetched once per session
 * and shared by every page; `refreshConsultants` after a new name was added.
 */
class SharedList<T> {
  private value: T[] = [];
  private loaded = false;
  private loading: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly load: () => Promise<T[]>) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): T[] => this.value;

  ensure(onError?: (err: unknown) => void): void {
    if (!this.loaded && !this.loading) this.refresh().catch((err: unknown) => onError?.(err));
  }

  refresh(): Promise<void> {
    this.loading = this.load()
      .then((v) => {
        this.value = v;
        this.loaded = true;
        for (const l of this.listeners) l();
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }
}

function useSharedList<T>(list: SharedList<T>, onError?: (err: unknown) => void): T[] {
  const value = useSyncExternalStore(list.subscribe, list.snapshot);
  useEffect(() => list.ensure(onError), [list, onError]);
  return value;
}

const kommuner = new SharedList<Kommune>(() => api.call('reference.kommuner', {}));
const consultants = new SharedList<Consultant>(() => api.call('reference.consultants', {}));

export const useKommuner = (onError?: (err: unknown) => void) => useSharedList(kommuner, onError);
export const useConsultants = (onError?: (err: unknown) => void) => useSharedList(consultants, onError);
export const refreshConsultants = () => consultants.refresh();

const tags = new SharedList<Tag>(() => api.call('tags.list', {}));
export const useTags = (onError?: (err: unknown) => void) => useSharedList(tags, onError);
/** After tags were added, renamed or deleted anywhere: the filter and the suggestions follow. */
export const refreshTags = () => tags.refresh();
