import { useState } from 'react';
import { useToasts } from './Toasts';

export interface RecordDialog<S> {
  /** What the dialog is open for (a record, or e.g. `'new'`); `null` while it is closed. */
  current: S | null;
  open(what: S): void;
  close(): void;
  /** After a save: closes the dialog, says so in a toast and reloads what shows the record. */
  saved(): Promise<unknown>;
}

/** The open/closed state of a list's add-or-edit dialog, and what follows a save. */
export function useRecordDialog<S>(savedText: string, reload: () => Promise<unknown>): RecordDialog<S> {
  const { notify } = useToasts();
  const [current, setCurrent] = useState<S | null>(null);
  return {
    current,
    open: setCurrent,
    close: () => setCurrent(null),
    saved: () => {
      setCurrent(null);
      notify('success', savedText);
      return reload();
    },
  };
}
