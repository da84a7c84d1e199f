import { useState } from 'react';
import { api } from '../api';
import { ApiCallError } from '../api/client';
import type { Company } from '../api/types';
import { Dialog } from '../components/Dialog';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';

interface Props {
  company: Company;
  onClosed(c: Company): void;
}

/** "Luk sag" in the company header: closing a case always records why. */
export function CloseCaseButton({ company, onClosed }: Props) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (company.status === 'closed') return null;

  const submit = async () => {
    if (!reason.trim()) return setError(t('closeCase.reasonRequired'));
    setBusy(true);
    try {
      const c = await api.call('companies.update', {
        id: company.id,
        changes: { status: 'closed', statusReason: reason.trim() },
      });
      setOpen(false);
      notify('success', t('closeCase.done', { name: company.name }));
      onClosed(c);
    } catch (err) {
      if (err instanceof ApiCallError && Object.keys(err.fieldMessages).length)
        setError(err.fieldMessages.statusReason ?? err.fieldMessages.status ?? err.message);
      else reportError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)}>
        {t('closeCase.button')}
      </button>
      {open ? (
        <Dialog
          title={t('closeCase.title', { name: company.name })}
          onClose={() => setOpen(false)}
          onSubmit={submit}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {t('closeCase.confirm')}
              </button>
            </>
          }
        >
          <div className={`field${error ? ' has-error' : ''}`}>
            <label htmlFor="close-reason">{t('closeCase.reason')}</label>
            <textarea
              id="close-reason"
              className="input visit-textarea"
              rows={3}
              maxLength={500}
              value={reason}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'close-reason-error' : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setError(null);
              }}
            />
            {error ? (
              <p id="close-reason-error" className="field-error">
                {error}
              </p>
            ) : null}
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
