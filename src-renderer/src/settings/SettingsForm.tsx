import { type ReactNode, useState } from 'react';
import { useToasts } from '../components/Toasts';
import { useLoaded } from '../components/use-loaded';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/translate';

/**
 * A stored setting and the user's edits to it, kept apart until saved so the form shows the stored
 * value until the user types. `load` must be memoised (useCallback), as for useLoaded.
 */
export function useSettingForm<S, E>(load: () => Promise<S>, blank: E) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [stored, reload] = useLoaded(load);
  const [initial] = useState(blank);
  const [typed, setTyped] = useState<E>(initial);

  /**
   * Writes, confirms with `saved`, forgets the edits and reloads. `onError` may claim an error (a field
   * message shown beside the field) by returning true; anything else becomes a toast.
   */
  const save = async (write: () => Promise<unknown>, saved: MessageKey, onError?: (err: unknown) => boolean) => {
    try {
      await write();
      notify('success', t(saved));
      setTyped(initial);
      await reload();
      return true;
    } catch (err) {
      if (!onError?.(err)) reportError(err);
      return false;
    }
  };

  return { stored, reload, typed, setTyped, save };
}

interface SettingsCardProps {
  /** The heading's id, so the section is named by it for assistive technology. */
  id: string;
  title: string;
  intro?: string;
  introClassName?: string;
  submitLabel: string;
  /** The submit button is disabled while the edits are not valid. */
  invalid?: boolean;
  onSubmit(): void;
  children: ReactNode;
  /** Shown below the form (e.g. a permission the setting depends on). */
  after?: ReactNode;
}

/** One Settings section: a card with its heading, a short intro and a form with one save button. */
export function SettingsCard({
  id,
  title,
  intro,
  introClassName = 'muted',
  submitLabel,
  invalid = false,
  onSubmit,
  children,
  after,
}: SettingsCardProps) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {intro ? <p className={introClassName}>{intro}</p> : null}
      <form
        className="form-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <div>
          <button type="submit" className="btn btn-primary" disabled={invalid}>
            {submitLabel}
          </button>
        </div>
      </form>
      {after}
    </section>
  );
}
