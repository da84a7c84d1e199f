import { useCallback, useState } from 'react';
import { api } from '../api';
import { TextField } from '../components/Field';
import { fieldErrorsOf } from '../components/FormDialog';
import { useT } from '../i18n/I18nProvider';
import { SettingsCard, useSettingForm } from '../settings/SettingsForm';
import { browserNotificationsSupported, rescheduleBrowserReminders } from './browser-reminders';
import './calendar.css';

/** Settings: reminders on or off, the time of day, and (in a browser) the permission to show them. */
export function RemindersSection() {
  const t = useT();
  const { stored, typed, setTyped, save } = useSettingForm(
    useCallback(() => api.call('reminders.settings', {}), []),
    {} as { enabled?: boolean; time?: string },
  );
  const [error, setError] = useState<string | undefined>();
  const browser = api.transport !== 'electron' && browserNotificationsSupported();
  const [permission, setPermission] = useState(browser ? Notification.permission : 'granted');

  const submit = async () => {
    const input = { enabled: typed.enabled ?? stored?.enabled, time: typed.time ?? stored?.time };
    const saved = await save(
      () => api.call('reminders.updateSettings', input),
      'reminders.settings.saved',
      (err) => {
        const time = fieldErrorsOf(err)?.time;
        if (time) setError(time);
        return Boolean(time);
      },
    );
    if (saved) {
      setError(undefined);
      rescheduleBrowserReminders();
    }
  };
  const allow = async () => {
    setPermission(await Notification.requestPermission());
    rescheduleBrowserReminders();
  };

  return (
    <SettingsCard
      id="reminders-settings-title"
      title={t('reminders.settings.title')}
      intro={t('reminders.settings.intro')}
      introClassName="calendar-note"
      submitLabel={t('reminders.settings.save')}
      onSubmit={() => void submit()}
      after={
        !browser ? null : permission === 'granted' ? (
          <p className="calendar-note">{t('reminders.settings.allowed')}</p>
        ) : permission === 'denied' ? (
          <p className="calendar-note">{t('reminders.settings.denied')}</p>
        ) : (
          <button type="button" className="btn" onClick={() => void allow()}>
            {t('reminders.settings.allow')}
          </button>
        )
      }
    >
      <label className="field field-check">
        <input
          type="checkbox"
          checked={typed.enabled ?? stored?.enabled ?? true}
          onChange={(e) => setTyped((v) => ({ ...v, enabled: e.target.checked }))}
        />
        {t('reminders.settings.enabled')}
      </label>
      <TextField
        id="reminders-time"
        label={t('reminders.settings.time')}
        inputMode="numeric"
        value={typed.time ?? stored?.time ?? ''}
        error={error}
        onChange={(e) => setTyped((v) => ({ ...v, time: e.target.value }))}
      />
    </SettingsCard>
  );
}
