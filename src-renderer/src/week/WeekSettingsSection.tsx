import { useCallback, useState } from 'react';
import { WEEK_THRESHOLD_MAX, WEEK_THRESHOLDS, type WeekThreshold } from '../../../src-shared/codes/week';
import { api } from '../api';
import { TextField } from '../components/Field';
import { useToasts } from '../components/Toasts';
import { useLoaded } from '../components/use-loaded';
import { useT } from '../i18n/I18nProvider';
import { parseWholeNumber } from '../lib/format';

/** Settings: when an item is listed in "Min uge" (days). */
export function WeekSettingsSection() {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [stored, reload] = useLoaded(useCallback(() => api.call('week.thresholds', {}), []));
  const [typed, setTyped] = useState<Partial<Record<WeekThreshold, string>>>({});
  const value = (k: WeekThreshold) => typed[k] ?? (stored ? String(stored[k]) : '');
  const parsed = (k: WeekThreshold) => {
    const n = parseWholeNumber(value(k));
    return typeof n === 'number' && n >= 1 && n <= WEEK_THRESHOLD_MAX ? n : undefined;
  };
  const valid = WEEK_THRESHOLDS.every((k) => parsed(k) !== undefined);

  const save = async () => {
    if (!valid) return;
    try {
      await api.call('week.setThresholds', Object.fromEntries(WEEK_THRESHOLDS.map((k) => [k, parsed(k)])));
      notify('success', t('week.thresholds.saved'));
      setTyped({});
      await reload();
    } catch (err) {
      reportError(err);
    }
  };

  return (
    <section className="card" aria-labelledby="week-settings-title">
      <h2 id="week-settings-title">{t('week.thresholds')}</h2>
      <p className="muted">{t('week.thresholds.intro')}</p>
      <form
        className="form-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {WEEK_THRESHOLDS.map((k) => (
          <TextField
            key={k}
            id={`week-${k}`}
            label={t(`week.threshold.${k}`)}
            inputMode="numeric"
            value={value(k)}
            error={stored && parsed(k) === undefined ? t('week.daysRange') : undefined}
            onChange={(e) => setTyped((v) => ({ ...v, [k]: e.target.value }))}
          />
        ))}
        <div>
          <button type="submit" className="btn btn-primary" disabled={!valid}>
            {t('week.thresholds.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
