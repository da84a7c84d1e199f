import { useCallback } from 'react';
import { KPI_KEYS, type KpiKey } from '../../../src-shared/codes/report';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import { TextField } from '../components/Field';
import { useT } from '../i18n/I18nProvider';
import { formatCount, parseWholeNumber } from '../lib/format';
import { SettingsCard, useSettingForm } from '../settings/SettingsForm';

/** Settings: a year's target per figure, drawn as the target line of the report's trend. */
export function ReportTargetsSection() {
  const t = useT();
  const { stored, typed, setTyped, save } = useSettingForm(
    useCallback(() => api.call('report.settings', {}), []),
    {} as Partial<Record<KpiKey, string>>,
  );
  const text = (k: KpiKey) => {
    const target = stored?.targets[k];
    return typed[k] ?? (target === undefined ? '' : formatCount(target));
  };
  const parsed = Object.fromEntries(KPI_KEYS.map((k) => [k, parseWholeNumber(text(k))])) as Record<
    KpiKey,
    number | null | undefined
  >;
  const valid = KPI_KEYS.every((k) => parsed[k] !== undefined);

  return (
    <SettingsCard
      id="report-targets-title"
      title={t('report.targets.title')}
      intro={t('report.targets.hint')}
      submitLabel={t('report.targets.save')}
      invalid={!valid}
      onSubmit={() => {
        if (!valid) return;
        const targets: Partial<Record<KpiKey, number>> = {};
        for (const k of KPI_KEYS) {
          const n = parsed[k];
          if (typeof n === 'number') targets[k] = n;
        }
        void save(() => api.call('report.setSettings', { targets }), 'report.targets.saved');
      }}
    >
      {KPI_KEYS.map((k) => (
        <TextField
          key={k}
          id={`report-target-${k}`}
          label={t(labelKey.kpi(k))}
          inputMode="numeric"
          value={text(k)}
          error={parsed[k] === undefined ? t('report.targets.invalid') : undefined}
          onChange={(e) => setTyped((v) => ({ ...v, [k]: e.target.value }))}
        />
      ))}
    </SettingsCard>
  );
}
