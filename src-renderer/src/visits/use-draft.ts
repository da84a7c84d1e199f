import { useEffect, useRef, useState } from 'react';
import { api } from '../api';

export type DraftStatus = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * Saves the form's values as a draft a moment after the consultant stops typing, so a reload or a
 * crash loses at most the last few key presses. `enabled` is false until the stored draft has been
 * read, so an empty form cannot overwrite it first.
 */
export function useDraftAutosave(opts: {
  key: string;
  companyId: number;
  payload: Record<string, unknown>;
  dirty: boolean;
  enabled: boolean;
  delayMs?: number;
}) {
  const { key, companyId, payload, dirty, enabled, delayMs = 400 } = opts;
  const [status, setStatus] = useState<DraftStatus>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const serialised = JSON.stringify(payload);
  const last = useRef<string | null>(null);
  const stopped = useRef(false);
  // Bumped by resume(), so the effect runs again for values typed while the form was saving.
  const [kick, setKick] = useState(0);

  useEffect(() => {
    void kick;
    if (!enabled || !dirty || stopped.current || serialised === last.current) return;
    const timer = window.setTimeout(() => {
      if (stopped.current) return;
      setStatus('saving');
      api.call('drafts.save', { key, companyId, payload: JSON.parse(serialised) as Record<string, unknown> }).then(
        (d) => {
          if (stopped.current) return;
          last.current = serialised;
          setSavedAt(d.updatedAt);
          setStatus('saved');
        },
        () => {
          if (!stopped.current) setStatus('failed');
        },
      );
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [key, companyId, serialised, dirty, enabled, delayMs, kick]);

  /**
   * Before a save (the API discards the draft in the same transaction) or a discard: no more
   * writes, so a timer still pending cannot bring the draft back after the visit is saved.
   */
  const stop = () => {
    stopped.current = true;
  };
  /** The save was refused: keep the draft up to date again. */
  const resume = () => {
    stopped.current = false;
    last.current = null;
    setKick((k) => k + 1);
  };
  /** The form went back to its starting values: the next change is saved again. */
  const reset = () => {
    last.current = null;
    setStatus('idle');
  };
  return { status, savedAt, stop, resume, reset };
}
