import { useCallback, useState } from 'react';
import { api } from '../api';
import { TextField } from '../components/Field';
import { fieldErrorsOf } from '../components/FormDialog';
import { useToasts } from '../components/Toasts';
import { useLoaded } from '../components/use-loaded';
import { useT } from '../i18n/I18nProvider';
import { browserNotificationsSupported, rescheduleBrowserReminders } from './browser-reminders';
import './calendar.css';

/** Settings: reminders on or off, the time of day, and (in a browser) the permission to show them. */
export function RemindersSection() {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [settings, reload] = useLoaded(useCallback(() => api.call('reminders.settings', {}), []));
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [time, setTime] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const browser = api.transport !== 'electron' && browserNotificationsSupported();
  const [permission, setPermission] = useState(browser ? Notification.permission : 'granted');

  const save = async () => {
    try {
      await api.call('reminders.updateSettings', {
        enabled: enabled ?? settings?.enabled,
        time: time ?? settings?.time,
      });
      setError(undefined);
      setEnabled(null);
      setTime(null);
      await reload();
      rescheduleBrowserReminders();
      notify('success', t('reminders.settings.saved'));
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (fields?.time) setError(fields.time);
      else reportError(err);
    }
  };
  const allow = async () => {
    setPermission(await Notification.requestPermission());
    rescheduleBrowserReminders();
  };

  return (
    <section className="card" aria-labelledby="reminders-settings-title">
      <h2 id="reminders-settings-title">{t('reminders.settings.title')}</h2>
      <p className="calendar-note">{t('reminders.settings.intro')}</p>
      <form
        className="form-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field field-check">
          <input
            type="checkbox"
            checked={enabled ?? settings?.enabled ?? true}
            onChange={(e) => setEnabled(e.target.checked)}
          />
          {t('reminders.settings.enabled')}
        </label>
        <TextField
          id="reminders-time"
          label={t('reminders.settings.time')}
          inputMode="numeric"
          value={time ?? settings?.time ?? ''}
          error={error}
          onChange={(e) => setTime(e.target.value)}
        />
        <div>
          <button type="submit" className="btn btn-primary">
            {t('reminders.settings.save')}
          </button>
        </div>
      </form>
      {browser ? (
        permission === 'granted' ? (
          <p className="calendar-note">{t('reminders.settings.allowed')}</p>
        ) : permission === 'denied' ? (
          <p className="calendar-note">{t('reminders.settings.denied')}</p>
        ) : (
          <button type="button" className="btn" onClick={() => void allow()}>
            {t('reminders.settings.allow')}
          </button>
        )
      ) : null}
    </section>
  );
}
