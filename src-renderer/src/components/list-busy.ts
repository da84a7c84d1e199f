import { useState } from 'react';
import { useToasts } from './Toasts';

/**
 * An action that takes a while, started from a button: `busy` while it runs (the button is
 * disabled, so it is not started twice), and a failure shown as a toast.
 */
export function useBusyAction(): [busy: boolean, run: (work: () => Promise<unknown>) => Promise<void>] {
  const { reportError } = useToasts();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
    } catch (err) {
      reportError(err);
    } finally {
      setBusy(false);
    }
  };
  return [busy, run];
}
