import { useState } from 'react';
import { api } from '../api';
import { ApiCallError } from '../api/client';
import type { Identity } from '../api/types';
import { TextField } from '../components/Field';
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
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [error, setError] = useState<string | undefined>();

  const save = async () => {
    try {
      const identity = await api.call('identity.set', { name, role });
      setError(undefined);
      await refreshConsultants();
      notify('success', t('identity.saved', { name: identity.name }));
      onSaved(identity);
    } catch (err) {
      if (err instanceof ApiCallError && err.fieldMessages.name) setError(err.fieldMessages.name);
      else reportError(err);
    }
  };

  return (
    <section className="card identity-step" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('identity.title')}</h2>
      <p className="muted">{t('identity.intro')}</p>
      <form
        className="form-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextField
          id="identity-name"
          label={t('identity.name')}
          value={name}
          maxLength={100}
          autoComplete="name"
          error={error}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          id="identity-role"
          label={t('identity.role')}
          value={role}
          maxLength={100}
          autoComplete="organization-title"
          onChange={(e) => setRole(e.target.value)}
        />
        <div className="record-actions">
          <button type="submit" className="btn btn-primary">
            {t('identity.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
