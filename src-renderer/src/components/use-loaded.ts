import { useCallback, useEffect, useState } from 'react';
import { useToasts } from './Toasts';

/**
 * Loads a value when `fetch` changes and gives a `reload` for after edits. `null` until the first
 * answer arrives, so the caller can tell "loading" from "empty". Errors are shown as toasts and the
 * last value stays. `fetch` must be memoised (useCallback), or it loads on every render.
 */
export function useLoaded<T>(fetch: () => Promise<T>): [T | null, () => Promise<void>] {
  const { reportError } = useToasts();
  const [value, setValue] = useState<T | null>(null);
  const reload = useCallback(() => fetch().then(setValue, reportError), [fetch, reportError]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return [value, reload];
}
