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
  /** The submit button's text while saving; left out, "Gemmer …". */
  busyLabel?: string;
  /** A refusal that is not about one field, shown above the fields. */
  banner?: string | null;
  onClose(): void;
  /**
   * Enter in a field or "Gem" submits; validation and the API call are the caller's. Left out (not
   * ready to submit yet): no submit button, only "Annuller".
   */
  onSubmit?: (() => void) | undefined;
  children: ReactNode;
}

/** A dialog that edits one record: the caller's fields above "Annuller" and "Gem". */
export function FormDialog({
  title,
  size = 'small',
  busy,
  submitLabel,
  keepLabel,
  busyLabel,
  banner,
  onClose,
  onSubmit,
  children,
}: FormDialogProps) {
  const t = useT();
  const label = submitLabel ?? t('common.save');
  return (
    <Dialog
      title={title}
      size={size}
      onClose={onClose}
      onSubmit={onSubmit}
      footer={
        <FormButtons
          busy={busy}
          label={label}
          busyLabel={keepLabel ? label : busyLabel}
          submit={Boolean(onSubmit)}
          onCancel={onClose}
        />
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

interface FormButtonsProps {
  busy?: boolean | undefined;
  /** The submit button's text; left out, "Gem". */
  label?: string | undefined;
  /** Its text while saving; left out, "Gemmer …". */
  busyLabel?: string | undefined;
  /** False: only "Annuller". */
  submit?: boolean;
  onCancel(): void;
}

/** "Annuller" and the submit button at the foot of a form. */
export function FormButtons({ busy, label, busyLabel, submit = true, onCancel }: FormButtonsProps) {
  const t = useT();
  return (
    <>
      <button type="button" className="btn" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      {submit ? (
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? (busyLabel ?? t('common.saving')) : (label ?? t('common.save'))}
        </button>
      ) : null}
    </>
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
