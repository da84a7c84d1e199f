import { useCallback } from 'react';
import { DEFAULT_ATTACHMENT_MAX_MB } from '../../../src-shared/codes/attachments';
import { api } from '../api';
import { TextField } from '../components/Field';
import { useT } from '../i18n/I18nProvider';
import { parseWholeNumber } from '../lib/format';
import { SettingsCard, useSettingForm } from '../settings/SettingsForm';

/** Settings: the largest attachment Bindeled accepts. */
export function AttachmentsSettingsSection() {
  const t = useT();
  const { stored, typed, setTyped, save } = useSettingForm(
    useCallback(() => api.call('attachments.settings', {}), []),
    null as string | null,
  );
  const value = typed ?? String(stored?.maxMb ?? DEFAULT_ATTACHMENT_MAX_MB);
  const parsed = parseWholeNumber(value);
  const valid = typeof parsed === 'number' && parsed >= 1 && parsed <= 2000;

  return (
    <SettingsCard
      id="attachments-settings-title"
      title={t('attachments.title')}
      submitLabel={t('attachments.settings.save')}
      invalid={!valid}
      onSubmit={() => {
        if (valid)
          void save(() => api.call('attachments.updateSettings', { maxMb: parsed }), 'attachments.settings.saved');
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
    </SettingsCard>
  );
}
