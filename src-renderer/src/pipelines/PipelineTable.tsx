import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { PipelineColumn } from '../../../src-shared/codes/pipelines';
import { formatMoney } from '../../../src-shared/format/money';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import { companyPath } from '../app/navigation';
import { RowLoader, useRunningLoader } from '../caseload/row-loader';
import { useT } from '../i18n/I18nProvider';
import type { TFunction } from '../i18n/translate';
import { formatCount, formatDate } from '../lib/format';
import { cleanPipelineFilters, type PipelineRow, type PipelineSpec, type PipelineState } from './pipeline-model';

const ROW_HEIGHT = 34;
const PAGE_SIZE = 100;

function cell(t: TFunction, spec: PipelineSpec, column: PipelineColumn, row: PipelineRow): string {
  const referral = 'sentAt' in row ? row : null;
  const lag = 'title' in row ? row : null;
  switch (column) {
    case 'company':
      return row.companyName;
    case 'organisation':
      return row.organisationName;
    case 'status':
      return t(spec.statusLabel(row.status));
    case 'consultant':
      return row.consultant ?? '';
    case 'kommune':
      return row.kommune ?? '';
    case 'waitingDays':
      return row.waitingDays === null ? '' : formatCount(row.waitingDays);
    case 'outcome':
      return referral?.outcome ? t(labelKey.referralOutcome(referral.outcome)) : '';
    case 'grantRequested':
      return lag ? formatMoney(lag.grantRequestedOre) : '';
    case 'title':
      return lag?.title ?? '';
    case 'sentAt':
      return formatDate(referral?.sentAt);
    case 'receivedAt':
      return formatDate(referral?.receivedAt);
    case 'submittedAt':
      return formatDate(lag?.submittedAt);
    case 'deadline':
      return formatDate(lag?.deadline);
  }
}

/** The page's rows from SQLite, a page of 100 at a time, as the caseload's table reads them. */
export function usePipelineRows(
  spec: PipelineSpec,
  state: PipelineState,
  version: number,
  onError: (e: unknown) => void,
) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const key = JSON.stringify([spec.kind, cleanPipelineFilters(state.filters), state.sort, version]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the kind, filters, sort and data version.
  const loader = useMemo(
    () =>
      new RowLoader<PipelineRow>(
        (offset, limit) => {
          const input = { offset, limit, filters: cleanPipelineFilters(state.filters), sort: state.sort };
          return spec.kind === 'referrals'
            ? api.call('pipelines.referrals', input as Parameters<typeof api.call<'pipelines.referrals'>>[1])
            : api.call('pipelines.lag', input as Parameters<typeof api.call<'pipelines.lag'>>[1]);
        },
        rerender,
        onError,
        2,
        PAGE_SIZE,
      ),
    [key],
  );
  useRunningLoader(loader);
  return loader;
}

interface Props {
  spec: PipelineSpec;
  state: PipelineState;
  loader: RowLoader<PipelineRow>;
  onSort(sort: PipelineState['sort']): void;
}

/** A virtualised table: only the rows on screen are in the DOM; sorting is SQLite's. */
export function PipelineTable({ spec, state, loader, onSort }: Props) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = loader.cache.total ?? 0;
  const virtual = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const items = virtual.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    loader.setRange(Math.max(0, first - 30), last + 30);
  }, [loader, first, last]);

  const sortOf = (column: PipelineColumn) => state.sort.find((s) => s.column === column);
  const toggleSort = (column: PipelineColumn) => {
    const current = sortOf(column);
    onSort(current ? (current.desc ? [] : [{ column, desc: true }]) : [{ column, desc: false }]);
  };
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div className="pipeline-scroll" ref={scrollRef} tabIndex={-1}>
      <table className="pipeline-table" aria-rowcount={total + 1}>
        <thead>
          <tr>
            {spec.columns.map((c) => {
              const s = sortOf(c);
              return (
                <th key={c} scope="col" aria-sort={s ? (s.desc ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" className="th-sort" onClick={() => toggleSort(c)}>
                    {t(`pipeline.column.${c}`)}
                    {s ? <span aria-hidden="true">{s.desc ? ' ▼' : ' ▲'}</span> : null}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? (
            <tr className="pipeline-spacer" style={{ height: padTop }}>
              <td colSpan={spec.columns.length} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = loader.cache.get(item.index);
            return (
              <tr key={item.key} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                {row ? (
                  spec.columns.map((c) => (
                    <td key={c} className={c === 'waitingDays' || c === 'grantRequested' ? 'num' : undefined}>
                      {c === 'company' ? (
                        <a href={`#${companyPath(row.companyId)}`}>{row.companyName}</a>
                      ) : (
                        cell(t, spec, c, row)
                      )}
                    </td>
                  ))
                ) : (
                  <td colSpan={spec.columns.length} className="muted">
                    …
                  </td>
                )}
              </tr>
            );
          })}
          {padBottom > 0 ? (
            <tr className="pipeline-spacer" style={{ height: padBottom }}>
              <td colSpan={spec.columns.length} />
            </tr>
          ) : null}
        </tbody>
      </table>
      {loader.cache.total === 0 ? <p className="muted pipeline-empty">{t('pipeline.empty')}</p> : null}
    </div>
  );
}
