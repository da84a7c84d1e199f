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

  useEffect(() => {
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
  }, [key, companyId, serialised, dirty, enabled, delayMs]);

  /** After a save (the API discarded the draft) or a discard: no more writes from this form. */
  const stop = () => {
    stopped.current = true;
  };
  /** The form went back to its starting values: the next change is saved again. */
  const reset = () => {
    last.current = null;
    setStatus('idle');
  };
  return { status, savedAt, stop, reset };
}
