import { useCallback, useState } from 'react';
import { KPI_KEYS, type KpiKey } from '../../../src-shared/codes/report';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import { TextField } from '../components/Field';
import { useToasts } from '../components/Toasts';
import { useLoaded } from '../components/use-loaded';
import { useT } from '../i18n/I18nProvider';
import { formatCount, parseWholeNumber } from '../lib/format';

/** Settings: a year's target per figure, drawn as the target line of the report's trend. */
export function ReportTargetsSection() {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [settings, reload] = useLoaded(useCallback(() => api.call('report.settings', {}), []));
  const [typed, setTyped] = useState<Partial<Record<KpiKey, string>>>({});
  const text = (k: KpiKey) => {
    const stored = settings?.targets[k];
    return typed[k] ?? (stored === undefined ? '' : formatCount(stored));
  };
  const parsed = Object.fromEntries(KPI_KEYS.map((k) => [k, parseWholeNumber(text(k))])) as Record<
    KpiKey,
    number | null | undefined
  >;
  const valid = KPI_KEYS.every((k) => parsed[k] !== undefined);

  const save = async () => {
    if (!valid) return;
    const targets: Partial<Record<KpiKey, number>> = {};
    for (const k of KPI_KEYS) {
      const n = parsed[k];
      if (typeof n === 'number') targets[k] = n;
    }
    try {
      await api.call('report.setSettings', { targets });
      notify('success', t('report.targets.saved'));
      setTyped({});
      await reload();
    } catch (err) {
      reportError(err);
    }
  };

  return (
    <section className="card" aria-labelledby="report-targets-title">
      <h2 id="report-targets-title">{t('report.targets.title')}</h2>
      <p className="muted">{t('report.targets.hint')}</p>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
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
        <div>
          <button type="submit" className="btn btn-primary" disabled={!valid}>
            {t('report.targets.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
