import { useState } from 'react';
import { api } from '../api';
import type { Company } from '../api/types';
import { TextField } from '../components/Field';
import { FormDialog, useDialogSave } from '../components/FormDialog';
import { useFormValues } from '../components/form-binding';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';

interface Props {
  company: Company;
  onClose(): void;
  onCorrected(company: Company): void;
}

/** The one way to change a recorded CVR: a new number (or none) and a reason kept in the history. */
export function CvrCorrectionDialog({ company, onClose, onCorrected }: Props) {
  const t = useT();
  const { notify } = useToasts();
  const { values, bind } = useFormValues({ cvr: '', reason: '' });
  const [errors, setErrors] = useState<{ cvr?: string; reason?: string }>({});
  const { busy, banner, save } = useDialogSave((fields) => {
    if (!fields.cvr && !fields.reason) return false;
    setErrors({ cvr: fields.cvr, reason: fields.reason });
    return true;
  });

  const submit = () =>
    save(async () => {
      const updated = await api.call('companies.correctCvr', {
        id: company.id,
        cvr: values.cvr.trim() === '' ? null : values.cvr.trim(),
        reason: values.reason,
      });
      notify('success', t('cvr.corrected'));
      onCorrected(updated);
    });

  return (
    <FormDialog
      title={t('cvr.correctTitle', { name: company.name })}
      busy={busy}
      submitLabel={t('cvr.correct')}
      keepLabel
      banner={banner}
      onClose={onClose}
      onSubmit={submit}
    >
      <dl className="facts facts-inline">
        <dt>{t('cvr.current')}</dt>
        <dd>{company.cvr ?? t('common.none')}</dd>
      </dl>
      <TextField
        id="cvr-new"
        label={t('cvr.new')}
        hint={t('cvr.newHint')}
        {...bind('cvr')}
        error={errors.cvr}
        inputMode="numeric"
        maxLength={20}
        autoFocus
      />
      <TextField
        id="cvr-reason"
        label={t('cvr.reason')}
        hint={t('cvr.reasonHint')}
        {...bind('reason')}
        error={errors.reason}
        maxLength={500}
      />
    </FormDialog>
  );
}
