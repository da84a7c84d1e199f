import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportReport } from '../api/types';
import { ColumnTable, type TableColumn } from '../components/table-columns';
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

/** The file's line, or the caseload record's reference where the file has no lines. */
function lineColumn<R extends { line?: number | null; ref?: string | null }>(header: string): TableColumn<R> {
  return { key: 'line', header, cellClass: 'num', cell: (r) => r.line ?? r.ref ?? '' };
}

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
          <ColumnTable
            className="interop-table"
            aria-label={t('import.report.issues')}
            rows={shown}
            // One line can carry several issues: the rows are told apart by their place.
            rowKey={(_, n) => n}
            columns={[
              lineColumn(t('import.report.line')),
              { key: 'kind', header: t('import.report.kind'), cell: (i) => t(`import.report.kind.${i.kind}`) },
              { key: 'column', header: t('import.report.column'), cell: (i) => i.column ?? i.field ?? '' },
              { key: 'value', header: t('import.report.value'), cell: (i) => i.value ?? '' },
              { key: 'reason', header: t('import.report.reason'), cell: (i) => i.message },
            ]}
          />
          {shown.length ? null : <p className="muted">{t('import.report.noMatch')}</p>}
          {report.issuesLeftOut ? (
            <p className="muted">{t('import.report.issuesLeftOut', { count: formatCount(report.issuesLeftOut) })}</p>
          ) : null}
        </>
      ) : null}
      {report.preview.length ? (
        <details className="interop-preview">
          <summary>{t('import.report.preview')}</summary>
          <ColumnTable
            className="interop-table"
            rows={report.preview.slice(0, PREVIEW_ROWS)}
            // Caseload records have no line number: the rows are told apart by their place.
            rowKey={(_, n) => n}
            columns={[
              lineColumn(t('import.report.line')),
              { key: 'action', header: t('import.report.action'), cell: (r) => t(`import.action.${r.action}`) },
              { key: 'name', header: t('import.report.name'), cell: (r) => r.name },
              { key: 'cvr', header: t('import.report.cvr'), cell: (r) => r.cvr ?? '' },
              {
                key: 'changes',
                header: t('import.report.changes'),
                cell: (r) =>
                  r.diffs
                    ? r.diffs
                        .map((d) =>
                          t(d.kept ? 'cli.import.diffKept' : 'cli.import.diff', {
                            field: d.field,
                            from: String(d.from ?? '–'),
                            to: String(d.to ?? '–'),
                          }),
                        )
                        .join('; ')
                    : (r.changes?.join(', ') ?? r.note ?? ''),
              },
            ]}
          />
        </details>
      ) : null}
    </section>
  );
}
