import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';

interface Props {
  title: string;
  onClose(): void;
  /** Given: the dialog is a form, so Enter in a field submits it. */
  onSubmit?(): void;
  footer?: ReactNode;
  size?: 'small' | 'large';
  children: ReactNode;
}

/**
 * A modal on the native <dialog>: the browser traps focus, Escape cancels, and focus returns to
 * where it was when the dialog closes.
 */
export function Dialog({ title, onClose, onSubmit, footer, size = 'small', children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // The opener may be gone (its list reloaded after the save): the main region, never <body>.
      if (opener?.isConnected) opener.focus();
      else document.getElementById('main')?.focus({ preventScroll: true });
    };
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    onSubmit?.();
  };

  const body = (
    <>
      <header className="dialog-head">
        <h2 id={titleId}>{title}</h2>
      </header>
      <div className="dialog-body">{children}</div>
      {footer ? <footer className="dialog-foot">{footer}</footer> : null}
    </>
  );

  // In a portal: a dialog opened from inside another dialog's form must not nest forms.
  return createPortal(
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }}
    >
      {onSubmit ? (
        <form noValidate onSubmit={submit}>
          {body}
        </form>
      ) : (
        body
      )}
    </dialog>,
    document.body,
  );
}
