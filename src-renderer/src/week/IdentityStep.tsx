import { useState } from 'react';
import { api } from '../api';
import type { Identity } from '../api/types';
import { TextField } from '../components/Field';
import { useFormSave, useFormValues } from '../components/form-binding';
import { PageForm } from '../components/form-section';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { refreshConsultants } from '../lib/use-reference';

interface Props {
  onSaved(identity: Identity): void;
}

/**
 * The first-run step on the start page: the user's own name and role. Until it is answered
 * "Mine" has nobody to mean, so it stands where the week would be, not in a dialog that blocks.
 */
export function IdentityStep({ onSaved }: Props) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const { values, bind } = useFormValues({ name: '', role: '' });
  const [error, setError] = useState<string | undefined>();
  const { save } = useFormSave((fields, err) => (fields.name ? setError(fields.name) : reportError(err)));

  const submit = () =>
    save(async () => {
      const identity = await api.call('identity.set', values);
      setError(undefined);
      await refreshConsultants();
      notify('success', t('identity.saved', { name: identity.name }));
      onSaved(identity);
    });

  return (
    <section className="card identity-step" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('identity.title')}</h2>
      <p className="muted">{t('identity.intro')}</p>
      <PageForm className="form-grid" submitLabel={t('identity.save')} onSubmit={submit}>
        <TextField
          id="identity-name"
          label={t('identity.name')}
          {...bind('name')}
          maxLength={100}
          autoComplete="name"
          error={error}
        />
        <TextField
          id="identity-role"
          label={t('identity.role')}
          {...bind('role')}
          maxLength={100}
          autoComplete="organization-title"
        />
      </PageForm>
    </section>
  );
}
