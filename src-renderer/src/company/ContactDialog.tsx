import { useState } from 'react';
import { api } from '../api';
import type { Contact } from '../api/types';
import { TextField } from '../components/Field';
import { FormDialog, useDialogSave } from '../components/FormDialog';
import { useT } from '../i18n/I18nProvider';

interface Props {
  companyId: number;
  contact?: Contact;
  onClose(): void;
  onSaved(contact: Contact): void;
}

type Values = { name: string; role: string; phone: string; email: string; isOwner: boolean };
type Errors = Partial<Record<keyof Values, string>>;

export function ContactDialog({ companyId, contact, onClose, onSaved }: Props) {
  const t = useT();
  const initial: Values = {
    name: contact?.name ?? '',
    role: contact?.role ?? '',
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
    isOwner: contact?.isOwner ?? false,
  };
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const { busy, banner, save } = useDialogSave((fields) => {
    if (!Object.keys(fields).length) return false;
    setErrors(fields as Errors);
    return true;
  });

  const submit = () =>
    save(async () => {
      const saved = contact
        ? await api.call('contacts.update', { id: contact.id, changes: values })
        : await api.call('contacts.create', { companyId, ...values });
      onSaved(saved);
    });

  const text = (field: 'name' | 'role' | 'phone' | 'email', max: number) => (
    <TextField
      id={`contact-${field}`}
      label={t(`contacts.${field}`)}
      value={values[field]}
      error={errors[field]}
      maxLength={max}
      onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
    />
  );

  return (
    <FormDialog
      title={contact ? t('contacts.editTitle') : t('contacts.addTitle')}
      busy={busy}
      keepLabel
      banner={banner}
      onClose={onClose}
      onSubmit={submit}
    >
      <div className="form-grid">
        {text('name', 200)}
        {text('role', 100)}
        {text('phone', 40)}
        {text('email', 200)}
        <label className="option field-wide">
          <input
            type="checkbox"
            checked={values.isOwner}
            onChange={(e) => setValues((v) => ({ ...v, isOwner: e.target.checked }))}
          />
          <span>{t('contacts.isOwner')}</span>
        </label>
      </div>
    </FormDialog>
  );
}
