import { type ReactNode, useState } from 'react';
import { ApiCallError } from '../api/client';
import { useT } from '../i18n/I18nProvider';
import { Dialog } from './Dialog';
import { useToasts } from './Toasts';

interface FormDialogProps {
  title: string;
  size?: 'small' | 'large';
  /** While saving: "Gem" is disabled and reads "Gemmer …". Left out: the button never changes. */
  busy?: boolean;
  /** The submit button's text when not saving; left out, "Gem". */
  submitLabel?: string;
  /** While saving the button stays disabled but keeps its text instead of reading "Gemmer …". */
  keepLabel?: boolean;
  /** A refusal that is not about one field, shown above the fields. */
  banner?: string | null;
  onClose(): void;
  /** Enter in a field or "Gem" submits; validation and the API call are the caller's. */
  onSubmit(): void;
  children: ReactNode;
}

/** A dialog that edits one record: the caller's fields above "Annuller" and "Gem". */
export function FormDialog({
  title,
  size = 'small',
  busy,
  submitLabel,
  keepLabel,
  banner,
  onClose,
  onSubmit,
  children,
}: FormDialogProps) {
  const t = useT();
  return (
    <Dialog
      title={title}
      size={size}
      onClose={onClose}
      onSubmit={onSubmit}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy && !keepLabel ? t('common.saving') : (submitLabel ?? t('common.save'))}
          </button>
        </>
      }
    >
      {banner ? (
        <div className="banner banner-error" role="alert">
          {banner}
        </div>
      ) : null}
      {children}
    </Dialog>
  );
}

/** The core's message for each field it refused, or `null` when the error is not about fields. */
export function fieldErrorsOf(err: unknown): Record<string, string> | null {
  return err instanceof ApiCallError && Object.keys(err.fieldMessages).length ? err.fieldMessages : null;
}

/**
 * Saving from a dialog that shows the core's refusals itself: `busy` while the call runs; a refusal
 * goes to `onFields` with its field messages (false when none of them is the dialog's), else to the
 * banner; any other failure to the error toast.
 */
export function useDialogSave(onFields: (fields: Record<string, string>) => boolean) {
  const { reportError } = useToasts();
  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const save = async (call: () => Promise<void>) => {
    setBusy(true);
    setBanner(null);
    try {
      await call();
    } catch (err) {
      if (!(err instanceof ApiCallError)) reportError(err);
      else if (!onFields(err.fieldMessages)) setBanner(err.message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, banner, save };
}
