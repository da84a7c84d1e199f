import { useCallback, useState } from 'react';
import { DEFAULT_ATTACHMENT_MAX_MB } from '../../../src-shared/codes/attachments';
import { api } from '../api';
import { TextField } from '../components/Field';
import { useToasts } from '../components/Toasts';
import { useLoaded } from '../components/use-loaded';
import { useT } from '../i18n/I18nProvider';
import { parseWholeNumber } from '../lib/format';

/** Settings: the largest attachment Bindeled accepts. */
export function AttachmentsSettingsSection() {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [settings, reload] = useLoaded(useCallback(() => api.call('attachments.settings', {}), []));
  const [typed, setTyped] = useState<string | null>(null);
  const value = typed ?? String(settings?.maxMb ?? DEFAULT_ATTACHMENT_MAX_MB);
  const parsed = parseWholeNumber(value);
  const valid = typeof parsed === 'number' && parsed >= 1 && parsed <= 2000;

  const save = async () => {
    if (!valid) return;
    try {
      await api.call('attachments.updateSettings', { maxMb: parsed });
      notify('success', t('attachments.settings.saved'));
      setTyped(null);
      await reload();
    } catch (err) {
      reportError(err);
    }
  };

  return (
    <section className="card" aria-labelledby="attachments-settings-title">
      <h2 id="attachments-settings-title">{t('attachments.title')}</h2>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextField
          id="attachments-max-mb"
          label={t('attachments.settings.maxMb')}
          inputMode="numeric"
          value={value}
          error={valid ? undefined : t('attachments.settings.maxMbInvalid')}
          hint={t('attachments.settings.maxMbHint', { mb: DEFAULT_ATTACHMENT_MAX_MB })}
          onChange={(e) => setTyped(e.target.value)}
        />
        <div>
          <button type="submit" className="btn btn-primary" disabled={!valid}>
            {t('attachments.settings.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
