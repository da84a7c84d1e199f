import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportReport } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import { formatCount } from '../lib/format';
import { filterIssues, type IssueKindFilter } from './wizard-model';

interface Props {
  report: ImportReport;
  displayName: string;
  skipInvalid: boolean;
  onSkipInvalid(skip: boolean): void;
}

const PREVIEW_ROWS = 100;
const COUNTS = [
  ['add', 'import.report.add'],
  ['update', 'import.report.update'],
  ['unchanged', 'import.report.unchanged'],
  ['keptLocal', 'import.report.keptLocal'],
  ['duplicate', 'import.report.duplicate'],
  ['invalid', 'import.report.invalid'],
  ['skipped', 'import.report.skipped'],
] as const;

/** Step 3: what the import would do, and every row it cannot take with its line and reason. */
export function ReportStep({ report, displayName, skipInvalid, onSkipInvalid }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<IssueKindFilter>('all');
  const shown = useMemo(() => filterIssues(report.issues, text, kind), [report.issues, text, kind]);
  const bad = report.totals.invalid + report.totals.duplicate;
  const ref = useRef<HTMLElement>(null);

  // The report opens below the earlier steps: bring it into view, where the decision is made.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'start' });
  }, []);

  return (
    <section ref={ref} className="card interop-step" aria-labelledby="import-report-title">
      <h2 id="import-report-title">{t('import.step.report')}</h2>
      <p>
        {report.rows === 1
          ? t('import.report.rowsOne', { file: displayName })
          : t('import.report.rows', { count: formatCount(report.rows), file: displayName })}
      </p>
      {report.warnings.map((w) => (
        <p key={w} className="banner">
          {w}
        </p>
      ))}
      <dl className="interop-counts" aria-label={t('import.report.counts')}>
        {COUNTS.map(([key, label]) =>
          key === 'add' || key === 'update' || report.totals[key] ? (
            <div key={key} className={`count count-${key}`} data-testid={`count-${key}`}>
              <dt>{t(label)}</dt>
              <dd>{formatCount(report.totals[key])}</dd>
            </div>
          ) : null,
        )}
      </dl>
      <p className="muted">{t('import.report.match')}</p>
      {report.newConsultants.length ? (
        <p>{t('import.report.newConsultants', { names: report.newConsultants.join(', ') })}</p>
      ) : null}
      {report.clean ? (
        <p className="banner banner-success" role="status">
          {t('import.report.clean')}
        </p>
      ) : (
        <div className="banner banner-error" role="alert" data-testid="import-blocked">
          <p>{bad === 1 ? t('import.report.blockedOne') : t('import.report.blocked', { count: formatCount(bad) })}</p>
          <label className="option">
            <input type="checkbox" checked={skipInvalid} onChange={(e) => onSkipInvalid(e.target.checked)} />
            {t('import.report.skipInvalid', { count: formatCount(bad) })}
          </label>
        </div>
      )}
      {report.issues.length ? (
        <>
          <h3>{t('import.report.issues')}</h3>
          <div className="interop-filter">
            <input
              type="search"
              className="input"
              aria-label={t('import.report.filter')}
              placeholder={t('import.report.filter')}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <select
              className="input"
              aria-label={t('import.report.kind')}
              value={kind}
              onChange={(e) => setKind(e.target.value as IssueKindFilter)}
            >
              <option value="all">{t('import.report.kind.all')}</option>
              <option value="invalid">{t('import.report.kind.invalid')}</option>
              <option value="duplicate">{t('import.report.kind.duplicate')}</option>
            </select>
          </div>
          <table className="interop-table" aria-label={t('import.report.issues')}>
            <thead>
              <tr>
                <th scope="col">{t('import.report.line')}</th>
                <th scope="col">{t('import.report.kind')}</th>
                <th scope="col">{t('import.report.column')}</th>
                <th scope="col">{t('import.report.value')}</th>
                <th scope="col">{t('import.report.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((i, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one line can carry several issues.
                <tr key={n}>
                  <td className="num">{i.line ?? i.ref ?? ''}</td>
                  <td>{t(`import.report.kind.${i.kind}`)}</td>
                  <td>{i.column ?? i.field ?? ''}</td>
                  <td>{i.value ?? ''}</td>
                  <td>{i.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length ? null : <p className="muted">{t('import.report.noMatch')}</p>}
          {report.issuesLeftOut ? (
            <p className="muted">{t('import.report.issuesLeftOut', { count: formatCount(report.issuesLeftOut) })}</p>
          ) : null}
        </>
      ) : null}
      {report.preview.length ? (
        <details className="interop-preview">
          <summary>{t('import.report.preview')}</summary>
          <table className="interop-table">
            <thead>
              <tr>
                <th scope="col">{t('import.report.line')}</th>
                <th scope="col">{t('import.report.action')}</th>
                <th scope="col">{t('import.report.name')}</th>
                <th scope="col">{t('import.report.cvr')}</th>
                <th scope="col">{t('import.report.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {report.preview.slice(0, PREVIEW_ROWS).map((r, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: caseload records have no line number.
                <tr key={n}>
                  <td className="num">{r.line ?? r.ref ?? ''}</td>
                  <td>{t(`import.action.${r.action}`)}</td>
                  <td>{r.name}</td>
                  <td>{r.cvr ?? ''}</td>
                  <td>
                    {r.diffs
                      ? r.diffs
                          .map((d) =>
                            t(d.kept ? 'cli.import.diffKept' : 'cli.import.diff', {
                              field: d.field,
                              from: String(d.from ?? '–'),
                              to: String(d.to ?? '–'),
                            }),
                          )
                          .join('; ')
                      : (r.changes?.join(', ') ?? r.note ?? '')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}
