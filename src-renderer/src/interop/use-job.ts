import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { ApiCallError } from '../api/client';
import { newJobId } from './wizard-model';

export interface JobState {
  done: number;
  total: number;
  message?: string;
}

export const CANCELLED = Symbol('cancelled');

/**
 * Runs one long API call as a job: listens for its progress events and can cancel it.
 * Resolves to CANCELLED when the user stopped it (the core then has written nothing).
 */
export function useJob() {
  const [progress, setProgress] = useState<JobState | null>(null);
  const current = useRef<string | null>(null);

  useEffect(
    () =>
      api.onEvent((e) => {
        if (e.jobId === current.current) setProgress({ done: e.done, total: e.total, message: e.message });
      }),
    [],
  );

  const run = useCallback(
    async <T>(prefix: string, call: (jobId: string) => Promise<T>): Promise<T | typeof CANCELLED> => {
      const id = newJobId(prefix);
      current.current = id;
      setProgress({ done: 0, total: 0 });
      try {
        return await call(id);
      } catch (err) {
        if (err instanceof ApiCallError && err.code === 'cancelled') return CANCELLED;
        throw err;
      } finally {
        current.current = null;
        setProgress(null);
      }
    },
    [],
  );

  const cancel = useCallback(() => {
    const id = current.current;
    if (id) void api.call('jobs.cancel', { jobId: id }).catch(() => {});
  }, []);

  return { progress, running: progress !== null, run, cancel };
}
