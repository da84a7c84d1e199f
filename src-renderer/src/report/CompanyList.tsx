import { useEffect, useState } from 'react';
import { api } from '../api';
import type { Breakdown, ReportCompany, ReportListKind, ReportQuery } from '../api/types';
import { companyPath } from '../app/navigation';
import { useToasts } from '../components/Toasts';
import { ColumnTable } from '../components/table-columns';
import { useT } from '../i18n/I18nProvider';
import { formatCount, formatDate } from '../lib/format';

export interface ListSelection {
  list: ReportListKind;
  title: string;
  breakdown?: Breakdown;
  key?: string;
  barLabel?: string;
}

const PAGE = 100;

/** One page of the firms behind the chosen figure, from `offset` on. */
function companiesPage(query: ReportQuery, selection: ListSelection, offset: number) {
  return api.call('report.companies', {
    ...query,
    list: selection.list,
    breakdown: selection.breakdown,
    key: selection.key,
    offset,
    limit: PAGE,
  });
}

/** The firms behind the chosen figure, a hundred at a time; a name opens the firm. */
export function CompanyList({
  query,
  selection,
  onClose,
}: {
  query: ReportQuery;
  selection: ListSelection;
  onClose: () => void;
}) {
  const t = useT();
  const { reportError } = useToasts();
  const [rows, setRows] = useState<ReportCompany[]>([]);
  const [total, setTotal] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    setRows([]);
    setTotal(null);
    companiesPage(query, selection, 0).then((page) => {
      if (!live) return;
      setRows(page.rows);
      setTotal(page.total);
    }, reportError);
    return () => {
      live = false;
    };
  }, [query, selection, reportError]);

  const more = () =>
    companiesPage(query, selection, rows.length).then((page) => setRows((r) => [...r, ...page.rows]), reportError);

  const count = total === null ? '…' : formatCount(total);
  const heading = selection.barLabel
    ? t('report.list.bar', { figure: selection.title, bar: selection.barLabel, count })
    : t('report.list.title', { figure: selection.title, count });

  return (
    <section className="report-panel report-list" aria-labelledby="report-list-title">
      <div className="report-list-head">
        <h2 id="report-list-title">{heading}</h2>
        <button type="button" className="btn btn-quiet" onClick={onClose}>
          {t('report.list.close')}
        </button>
      </div>
      {total === 0 ? (
        <p className="muted">{t('report.list.empty')}</p>
      ) : (
        <ColumnTable
          className="report-table"
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { key: 'name', header: t('report.col.name'), cell: (r) => <a href={`#${companyPath(r.id)}`}>{r.name}</a> },
            { key: 'cvr', header: t('report.col.cvr'), cell: (r) => r.cvr ?? t('common.none') },
            { key: 'kommune', header: t('report.col.kommune'), cell: (r) => r.kommune ?? t('common.none') },
            { key: 'consultant', header: t('report.col.consultant'), cell: (r) => r.consultant ?? t('common.none') },
            {
              key: 'employees',
              header: t('report.col.employees'),
              headerClass: 'num',
              cellClass: 'num',
              cell: (r) => r.employees ?? t('common.none'),
            },
            { key: 'date', header: t('report.col.date'), cell: (r) => formatDate(r.firstDate) },
          ]}
        />
      )}
      {total !== null && rows.length < total ? (
        <button type="button" className="btn" onClick={more}>
          {t('report.list.more')}
        </button>
      ) : null}
    </section>
  );
}
