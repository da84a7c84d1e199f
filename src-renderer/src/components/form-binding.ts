import { type FormEvent, useState } from 'react';
import { ApiCallError } from '../api/client';
import { fieldErrorsOf } from './FormDialog';
import { useToasts } from './Toasts';

/** What `bind` gives a field: its text and the handler that writes a change back. */
export interface Binding {
  value: string;
  onChange(e: { target: { value: string } }): void;
}

/** The keys of a form's record whose values are typed text (inputs, selects and text areas). */
type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V];

/**
 * A form's values as one record: `set` changes one of them, `bind` gives a text input, select or
 * text area its value and the change handler that writes it back.
 */
export function useFormValues<V extends object>(initial: V | (() => V)) {
  const [values, setValues] = useState<V>(initial);
  const set = <K extends keyof V>(key: K, value: V[K]) => setValues((v) => ({ ...v, [key]: value }));
  const bind = <K extends TextKey<V>>(key: K): Binding => ({
    value: values[key] as string,
    onChange: (e: { target: { value: string } }) => set(key, e.target.value as V[K]),
  });
  return { values, setValues, set, bind };
}

/**
 * Saving a form: `busy` while the call runs; the fields the core refused go to `onRefused` (to be
 * shown by the fields), any other failure, or every failure when there is no `onRefused`, to the
 * error toast.
 */
export function useFormSave(onRefused?: (fields: Record<string, string>, err: ApiCallError) => void) {
  const { reportError } = useToasts();
  const [busy, setBusy] = useState(false);
  const save = async (call: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await call();
    } catch (err) {
      if (onRefused && err instanceof ApiCallError && fieldErrorsOf(err)) onRefused(err.fieldMessages, err);
      else reportError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, save };
}

/**
 * An action that takes a while, started from a button: `busy` while it runs (the button is
 * disabled, so it is not started twice), and a failure shown as a toast.
 */
export function useBusyAction(): [busy: boolean, run: (work: () => Promise<unknown>) => Promise<void>] {
  const { busy, save } = useFormSave();
  return [busy, save];
}

/** A form on a page (not in a dialog): submitting it runs `save` and leaves the page where it is. */
export function submitWith(save: () => unknown) {
  return (e: FormEvent) => {
    e.preventDefault();
    void save();
  };
}
