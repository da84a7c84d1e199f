import { useEffect, useState } from 'react';
import { KPI_KEYS, shownBreakdowns } from '../../../src-shared/codes/report';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { KpiKey, ProgrammeReport, ReportSettings } from '../api/types';
import type { RouteProps } from '../app/routes';
import { MultiSelect } from '../components/MultiSelect';
import { useToasts } from '../components/Toasts';
import { openDocument } from '../documents/open-document';
import { useT } from '../i18n/I18nProvider';
import { useConsultants, useKommuner } from '../lib/use-reference';
import { CompanyList, type ListSelection } from './CompanyList';
import { DemoOffer } from './DemoOffer';
import { QualityPanel } from './QualityPanel';
import { BreakdownChart, Funnel, KpiFigures, TrendChart } from './ReportCharts';
import { PERIOD_PRESETS, type PeriodPreset, presetPeriod } from './report-period';
import { type DateField, useReportQuery } from './use-report-query';
import './report.css';

export function ReportPage(_: RouteProps) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [settings, setSettings] = useState<ReportSettings | null>(null);
  const [settingsLoaded, setSettingsLoaded] = useState(false);
  const { query, texts, invalid, setText, setPeriod, setFilters } = useReportQuery(settings, settingsLoaded);
  const [report, setReport] = useState<ProgrammeReport | null>(null);
  const [selection, setSelection] = useState<ListSelection | null>(null);
  const [chartKpi, setChartKpi] = useState<KpiKey>('companies_contacted');
  const [version, setVersion] = useState(0);
  const kommuner = useKommuner(reportError);
  const consultants = useConsultants(reportError);

  useEffect(() => {
    let live = true;
    api
      .call('report.settings', {})
      .then((s) => live && setSettings(s), reportError)
      .finally(() => live && setSettingsLoaded(true));
    return () => {
      live = false;
    };
  }, [reportError]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` refetches after the demo is created.
  useEffect(() => {
    if (!query) return;
    let live = true;
    api.call('report.get', query).then((r) => live && setReport(r), reportError);
    return () => {
      live = false;
    };
  }, [query, reportError, version]);

  // After the demo is created here, the page moves to the programme year it brought.
  const demoCreated = async () => {
    try {
      const s = await api.call('report.settings', {});
      setSettings(s);
      if (s.programmeYear) setPeriod(s.programmeYear);
    } catch (err) {
      reportError(err);
    }
    setVersion((v) => v + 1);
  };

  const activePreset = (p: PeriodPreset) => {
    const period = presetPeriod(p, settings);
    return period !== null && query?.from === period.from && query.to === period.to;
  };

  const exportAs = async (format: 'xlsx' | 'docx') => {
    if (!query) return;
    try {
      const chosen = await api.call('files.chooseSave', {
        title: t('report.export.saveTitle'),
        defaultName: `programrapport-${query.from}-${query.to}.${format}`,
        filters: [{ name: format === 'xlsx' ? 'Excel' : 'Word', extensions: [format] }],
      });
      if (!chosen) return;
      const method = format === 'xlsx' ? 'report.exportXlsx' : 'report.exportDocx';
      const written = await api.call(method, { ...query, path: chosen.path });
      notify(
        'success',
        written.takenName
          ? t('file.writtenBesideTaken', { file: written.fileName, taken: written.takenName })
          : t('report.export.done', { name: written.fileName }),
      );
      await openDocument(written.path);
    } catch (err) {
      reportError(err);
    }
  };

  const dateField = (field: DateField, label: string) => (
    <label className="report-date">
      <span>{label}</span>
      <input
        type="text"
        name={field}
        inputMode="numeric"
        placeholder={t('common.datePlaceholder')}
        value={texts[field]}
        aria-invalid={invalid(field)}
        onChange={(e) => setText(field, e.target.value)}
      />
      {invalid(field) ? <span className="field-error">{t('report.dateInvalid')}</span> : null}
    </label>
  );

  return (
    <section className="page page-report" aria-labelledby="report-title">
      <div className="page-head">
        <div className="page-title">
          <h1 id="report-title">{t('report.title')}</h1>
        </div>
        <div className="page-actions">
          <button type="button" className="btn" disabled={!report} onClick={() => exportAs('xlsx')}>
            {t('report.export.xlsx')}
          </button>
          <button type="button" className="btn" disabled={!report} onClick={() => exportAs('docx')}>
            {t('report.export.docx')}
          </button>
        </div>
      </div>
      <div className="toolbar report-toolbar">
        <fieldset className="report-presets">
          <legend className="visually-hidden">{t('report.preset.label')}</legend>
          {PERIOD_PRESETS.map((p) => {
            const period = presetPeriod(p, settings);
            return period ? (
              <button
                key={p}
                type="button"
                className="btn btn-small"
                aria-pressed={activePreset(p)}
                onClick={() => setPeriod(period)}
              >
                {t(`report.preset.${p}`)}
              </button>
            ) : null;
          })}
        </fieldset>
        {dateField('from', t('report.from'))}
        {dateField('to', t('report.to'))}
        {dateField('asOf', t('report.asOf'))}
        <MultiSelect
          label={t('report.kommuner')}
          options={kommuner.map((k) => ({ value: k.code, label: k.name }))}
          selected={query?.kommuneCodes ?? []}
          onChange={(kommuneCodes) => setFilters({ kommuneCodes })}
        />
        <MultiSelect
          label={t('report.consultants')}
          options={consultants.map((c) => ({ value: c.id, label: c.name }))}
          selected={query?.consultantIds ?? []}
          onChange={(consultantIds) => setFilters({ consultantIds })}
        />
      </div>
      <p className="muted">
        {t('report.rule')} {t('report.asOfHint')}
      </p>
      {report?.companyCount === 0 ? (
        <>
          <p>{t('report.empty')}</p>
          <DemoOffer onCreated={demoCreated} />
        </>
      ) : null}
      {report && query ? (
        <>
          <KpiFigures report={report} onOpen={(k) => setSelection({ list: k, title: t(labelKey.kpi(k)) })} />
          {selection ? <CompanyList query={query} selection={selection} onClose={() => setSelection(null)} /> : null}
          <div className="report-columns">
            <Funnel steps={report.funnel} onOpen={(k) => setSelection({ list: k, title: t(labelKey.kpi(k)) })} />
            <QualityPanel
              report={report}
              onOpen={(k) => setSelection({ list: `quality_${k}`, title: t(labelKey.quality(k)) })}
            />
          </div>
          <TrendChart trend={report.trend} target={settings?.targets.companies_contacted} />
          <label className="report-chart-kpi">
            <span>{t('report.breakdown.show')}</span>
            <select className="input" value={chartKpi} onChange={(e) => setChartKpi(e.target.value as KpiKey)}>
              {KPI_KEYS.map((k) => (
                <option key={k} value={k}>
                  {t(labelKey.kpi(k))}
                </option>
              ))}
            </select>
          </label>
          <div className="report-columns">
            {shownBreakdowns(report.breakdowns).map((b) => (
              <BreakdownChart
                key={b}
                breakdown={b}
                rows={report.breakdowns[b]}
                kpi={chartKpi}
                onOpen={(row) =>
                  setSelection({
                    list: chartKpi,
                    title: t(labelKey.kpi(chartKpi)),
                    breakdown: b,
                    key: row.key,
                    barLabel: row.label,
                  })
                }
              />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
