import { useEffect } from 'react';

/**
 * How many forms hold unsaved changes, for the desktop app's updates: it installs at quit only
 * when none are open (src-main/electron/desktop-updates.ts).
 */
const open = new Set<symbol>();
const listeners = new Set<() => void>();

export function openFormCount(): number {
  return open.size;
}

export function subscribeOpenForms(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function set(id: symbol, dirty: boolean): void {
  const had = open.has(id);
  if (dirty) open.add(id);
  else open.delete(id);
  if (had !== dirty) for (const l of listeners) l();
}

/** Counts the calling form as open while `dirty`, and no longer once it is gone. */
export function useOpenForm(dirty: boolean): void {
  useEffect(() => {
    const id = Symbol('form');
    set(id, dirty);
    return () => set(id, false);
  }, [dirty]);
}
