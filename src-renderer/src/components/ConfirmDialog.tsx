import { useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { Dialog } from './Dialog';

interface Props {
  text: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): Promise<void> | void;
  onClose(): void;
}

export function ConfirmDialog({ text, confirmLabel, danger, onConfirm, onClose }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title={t('confirm.title')}
      onClose={onClose}
      onSubmit={async () => {
        setBusy(true);
        try {
          await onConfirm();
        } finally {
          setBusy(false);
        }
      }}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} disabled={busy}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <p>{text}</p>
    </Dialog>
  );
}
