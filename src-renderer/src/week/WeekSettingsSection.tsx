import { useCallback } from 'react';
import { WEEK_THRESHOLD_MAX, WEEK_THRESHOLDS, type WeekThreshold } from '../../../src-shared/codes/week';
import { api } from '../api';
import { TextField } from '../components/Field';
import { useT } from '../i18n/I18nProvider';
import { parseWholeNumber } from '../lib/format';
import { SettingsCard, useSettingForm } from '../settings/SettingsForm';

/** Settings: when an item is listed in "Min uge" (days). */
export function WeekSettingsSection() {
  const t = useT();
  const { stored, typed, setTyped, save } = useSettingForm(
    useCallback(() => api.call('week.thresholds', {}), []),
    {} as Partial<Record<WeekThreshold, string>>,
  );
  const value = (k: WeekThreshold) => typed[k] ?? (stored ? String(stored[k]) : '');
  const parsed = (k: WeekThreshold) => {
    const n = parseWholeNumber(value(k));
    return typeof n === 'number' && n >= 1 && n <= WEEK_THRESHOLD_MAX ? n : undefined;
  };
  const valid = WEEK_THRESHOLDS.every((k) => parsed(k) !== undefined);

  return (
    <SettingsCard
      id="week-settings-title"
      title={t('week.thresholds')}
      intro={t('week.thresholds.intro')}
      submitLabel={t('week.thresholds.save')}
      invalid={!valid}
      onSubmit={() => {
        if (!valid) return;
        const thresholds = Object.fromEntries(WEEK_THRESHOLDS.map((k) => [k, parsed(k)]));
        void save(() => api.call('week.setThresholds', thresholds), 'week.thresholds.saved');
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
    </SettingsCard>
  );
}
