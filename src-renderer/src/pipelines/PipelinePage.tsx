import { useCallback, useEffect, useState } from 'react';
import type { PipelineKind, PipelineMode } from '../../../src-shared/codes/pipelines';
import { PIPELINE_MODES } from '../../../src-shared/codes/pipelines';
import { api } from '../api';
import type { Organisation, PipelineView } from '../api/types';
import type { RouteProps } from '../app/routes';
import { MultiSelect } from '../components/MultiSelect';
import { TextOptions } from '../components/Options';
import { useToasts } from '../components/Toasts';
import { downloadFile } from '../documents/open-document';
import { useT } from '../i18n/I18nProvider';
import { CANCELLED, useJob } from '../interop/use-job';
import { formatCount } from '../lib/format';
import { useConsultants, useKommuner } from '../lib/use-reference';
import { PipelineBoard } from './PipelineBoard';
import { PipelineTable, usePipelineRows } from './PipelineTable';
import {
  cleanPipelineFilters,
  EMPTY_STATE,
  hasPipelineFilters,
  PIPELINE_SPECS,
  type PipelineFilters,
  type PipelineState,
} from './pipeline-model';
import './pipelines.css';

/** Each pipeline remembers its table while the consultant visits a firm and comes back. */
const remembered: Partial<Record<PipelineKind, PipelineState>> = {};

function PipelinePage({ kind }: { kind: PipelineKind }) {
  const t = useT();
  const spec = PIPELINE_SPECS[kind];
  const { notify, reportError } = useToasts();
  const [state, setStateRaw] = useState<PipelineState>(remembered[kind] ?? EMPTY_STATE);
  const setState = (next: PipelineState) => {
    remembered[kind] = next;
    setStateRaw(next);
  };
  const [version, setVersion] = useState(0);
  const [views, setViews] = useState<PipelineView[]>([]);
  const [viewName, setViewName] = useState('');
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const consultants = useConsultants(reportError);
  const kommuner = useKommuner(reportError);
  const job = useJob();
  const loader = usePipelineRows(spec, state, version, reportError);

  const loadViews = useCallback(
    () => api.call('pipelines.views', { kind }).then(setViews, reportError),
    [kind, reportError],
  );
  useEffect(() => {
    void loadViews();
    api.call('reference.organisations', {}).then(setOrganisations, reportError);
  }, [loadViews, reportError]);

  const setFilters = (filters: PipelineFilters) => setState({ ...state, filters });
  const f = state.filters;

  const saveView = async () => {
    const name = viewName.trim();
    if (!name) return;
    try {
      await api.call('pipelines.saveView', {
        kind,
        name,
        state: { filters: cleanPipelineFilters(f) as Record<string, unknown>, sort: state.sort, mode: state.mode },
      });
      notify('success', t('pipeline.views.saved', { name }));
      setViewName('');
      await loadViews();
    } catch (err) {
      reportError(err);
    }
  };

  const applyView = (name: string) => {
    const view = views.find((v) => v.name === name);
    if (view)
      setState({
        filters: view.state.filters as PipelineFilters,
        sort: view.state.sort as PipelineState['sort'],
        mode: view.state.mode,
      });
  };

  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      const picked = await api.call('files.chooseSave', {
        title: t(`pipeline.export.${format}`),
        defaultName: `${t(`pipeline.${kind}.title`)}.${format}`,
        filters: [{ name: format.toUpperCase(), extensions: [format] }],
      });
      if (!picked) return;
      const query = { filters: cleanPipelineFilters(f), sort: state.sort };
      const r = await job.run(`export-${kind}`, (jobId) =>
        api.call(
          'pipelines.export',
          { kind, format, path: picked.path, query } as Parameters<typeof api.call<'pipelines.export'>>[1],
          { jobId },
        ),
      );
      if (r === CANCELLED) return;
      notify(
        'success',
        t('pipeline.export.done', { count: formatCount(Object.values(r.counts)[0] ?? 0), path: r.path }),
      );
      if (api.transport === 'http') downloadFile(r.path);
    } catch (err) {
      reportError(err);
    }
  };

  const dateInput = (field: 'from' | 'to') => (
    <label className="pipeline-field">
      <span>{t(`pipeline.filter.${field}.${kind}`)}</span>
      <input
        type="text"
        inputMode="numeric"
        placeholder={t('common.datePlaceholder')}
        value={f[field] ?? ''}
        onChange={(e) => setFilters({ ...f, [field]: e.target.value })}
      />
    </label>
  );

  const titleId = `pipeline-${kind}-title`;
  return (
    <section className="page page-pipeline" aria-labelledby={titleId}>
      <div className="page-head">
        <div className="page-title">
          <h1 id={titleId}>{t(`pipeline.${kind}.title`)}</h1>
          <span className="row-count">{t('pipeline.count', { count: formatCount(loader.cache.total ?? 0) })}</span>
        </div>
        <div className="page-actions">
          <fieldset className="mode-switch">
            <legend className="sr-only">{t('pipeline.mode.label')}</legend>
            {PIPELINE_MODES.map((m: PipelineMode) => (
              <button
                key={m}
                type="button"
                className="btn btn-small"
                aria-pressed={state.mode === m}
                onClick={() => setState({ ...state, mode: m })}
              >
                {t(`pipeline.mode.${m}`)}
              </button>
            ))}
          </fieldset>
          <button type="button" className="btn btn-small" onClick={() => void exportAs('csv')}>
            {t('pipeline.export.csv')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => void exportAs('xlsx')}>
            {t('pipeline.export.xlsx')}
          </button>
        </div>
      </div>
      <p className="muted">{t(`pipeline.${kind}.intro`)}</p>
      <div className="pipeline-views">
        <label className="pipeline-field">
          <span>{t('pipeline.views.label')}</span>
          <select value="" onChange={(e) => applyView(e.target.value)}>
            <option value="">{t('pipeline.views.none')}</option>
            <TextOptions values={views.map((v) => v.name)} />
          </select>
        </label>
        <label className="pipeline-field">
          <span>{t('pipeline.views.name')}</span>
          <input type="text" maxLength={80} value={viewName} onChange={(e) => setViewName(e.target.value)} />
        </label>
        <button type="button" className="btn btn-small" disabled={!viewName.trim()} onClick={() => void saveView()}>
          {t('pipeline.views.save')}
        </button>
      </div>
      <div className="filterbar pipeline-filters">
        <MultiSelect
          label={t('pipeline.filter.status')}
          options={spec.statuses.map((s) => ({ value: s, label: t(spec.statusLabel(s)) }))}
          selected={f.status ?? []}
          onChange={(status) => setFilters({ ...f, status })}
        />
        <MultiSelect
          label={t(`pipeline.filter.organisation.${kind}`)}
          options={organisations
            .filter((o) => spec.organisationTypes(o.type))
            .map((o) => ({ value: o.id, label: o.name }))}
          selected={f.organisation ?? []}
          onChange={(organisation) => setFilters({ ...f, organisation })}
        />
        <MultiSelect
          label={t('pipeline.filter.consultant')}
          options={[
            { value: 0, label: t('pipeline.filter.none') },
            ...consultants.map((c) => ({ value: c.id, label: c.name })),
          ]}
          selected={f.consultant ?? []}
          onChange={(consultant) => setFilters({ ...f, consultant })}
        />
        <MultiSelect
          label={t('pipeline.filter.kommune')}
          options={kommuner.map((k) => ({ value: k.code, label: k.name }))}
          selected={f.kommune ?? []}
          onChange={(kommune) => setFilters({ ...f, kommune })}
        />
        {dateInput('from')}
        {dateInput('to')}
        <label className="pipeline-field">
          <span>{t('pipeline.filter.waiting')}</span>
          <input
            type="number"
            min={0}
            className="pipeline-days"
            value={f.waitingDays ?? ''}
            onChange={(e) =>
              setFilters({
                ...f,
                waitingDays: e.target.value === '' ? undefined : Math.max(0, Math.trunc(Number(e.target.value))),
              })
            }
          />
        </label>
        {hasPipelineFilters(f) ? (
          <button type="button" className="btn btn-small" onClick={() => setFilters({})}>
            {t('pipeline.filter.clear')}
          </button>
        ) : null}
      </div>
      {state.mode === 'table' ? (
        <PipelineTable spec={spec} state={state} loader={loader} onSort={(sort) => setState({ ...state, sort })} />
      ) : (
        <PipelineBoard spec={spec} state={state} version={version} onMoved={() => setVersion((v) => v + 1)} />
      )}
    </section>
  );
}

/** `#/referrals`: every firm's referrals. */
export function ReferralsPipelinePage(_: RouteProps) {
  return <PipelinePage kind="referrals" />;
}

/** `#/lag`: every firm's LAG applications. */
export function LagPipelinePage(_: RouteProps) {
  return <PipelinePage kind="lag" />;
}
