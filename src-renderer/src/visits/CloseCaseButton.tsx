import { useState } from 'react';
import { api } from '../api';
import type { Company } from '../api/types';
import { FormDialog } from '../components/FormDialog';
import { useFormSave } from '../components/form-binding';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';

interface Props {
  company: Company;
  onClosed(c: Company): void;
}

/** "Luk sag" in the company header: closing a case always records why. */
export function CloseCaseButton({ company, onClosed }: Props) {
  const t = useT();
  const { notify } = useToasts();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { busy, save } = useFormSave((fields, err) => setError(fields.statusReason ?? fields.status ?? err.message));
  if (company.status === 'closed') return null;

  const submit = async () => {
    if (!reason.trim()) return setError(t('closeCase.reasonRequired'));
    await save(async () => {
      const c = await api.call('companies.update', {
        id: company.id,
        changes: { status: 'closed', statusReason: reason.trim() },
      });
      setOpen(false);
      notify('success', t('closeCase.done', { name: company.name }));
      onClosed(c);
    });
  };

  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)}>
        {t('closeCase.button')}
      </button>
      {open ? (
        <FormDialog
          title={t('closeCase.title', { name: company.name })}
          busy={busy}
          submitLabel={t('closeCase.confirm')}
          keepLabel
          onClose={() => setOpen(false)}
          onSubmit={submit}
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
        </FormDialog>
      ) : null}
    </>
  );
}
