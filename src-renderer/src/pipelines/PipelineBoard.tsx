import { type DragEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { companyPath } from '../app/navigation';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { formatCount, formatDate } from '../lib/format';
import {
  cleanPipelineFilters,
  neighbourStatus,
  type PipelineRow,
  type PipelineSpec,
  type PipelineState,
} from './pipeline-model';

/** Cards shown per status; the column says how many more there are. */
const CARDS = 50;

interface Column {
  status: string;
  total: number;
  rows: PipelineRow[];
}

interface Props {
  spec: PipelineSpec;
  state: PipelineState;
  version: number;
  onMoved(): void;
}

/**
 * A column per status. A card moves by dragging it, by the arrow keys (to the nearest status the
 * rules allow in that direction) or by its "move to" menu; the move is the dialogs' own status
 * change, so a refused step says why and changes nothing.
 */
export function PipelineBoard({ spec, state, version, onMoved }: Props) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [columns, setColumns] = useState<Column[]>([]);
  const focusAfter = useRef<number | null>(null);
  const dragged = useRef<PipelineRow | null>(null);

  const shown = state.filters.status?.length
    ? spec.statuses.filter((s) => state.filters.status?.includes(s))
    : spec.statuses;
  const key = JSON.stringify([spec.kind, cleanPipelineFilters(state.filters), state.sort, version]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the kind, filters, sort and data version.
  useEffect(() => {
    let live = true;
    const filters = cleanPipelineFilters(state.filters);
    Promise.all(
      shown.map(async (status) => {
        const input = { limit: CARDS, sort: state.sort, filters: { ...filters, status: [status] } };
        const page =
          spec.kind === 'referrals'
            ? await api.call('pipelines.referrals', input as Parameters<typeof api.call<'pipelines.referrals'>>[1])
            : await api.call('pipelines.lag', input as Parameters<typeof api.call<'pipelines.lag'>>[1]);
        return { status, total: page.total, rows: page.rows as PipelineRow[] };
      }),
    ).then((c) => live && setColumns(c), reportError);
    return () => {
      live = false;
    };
  }, [key, reportError]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a moved card is focused again once the columns are re-read.
  useEffect(() => {
    if (focusAfter.current === null) return;
    document.querySelector<HTMLElement>(`[data-card="${focusAfter.current}"]`)?.focus();
    focusAfter.current = null;
  }, [columns]);

  const move = async (row: PipelineRow, to: string) => {
    if (to === row.status) return;
    const names = { company: row.companyName, status: t(spec.statusLabel(to)) };
    if (!(row.allowedNext as string[]).includes(to)) {
      notify(
        'error',
        t('pipeline.board.notAllowed', {
          company: row.companyName,
          from: t(spec.statusLabel(row.status)),
          to: names.status,
        }),
      );
      return;
    }
    try {
      if (spec.kind === 'referrals') await api.call('referrals.setStatus', { id: row.id, status: to as 'sent' });
      else await api.call('lag.setStatus', { id: row.id, status: to as 'submitted' });
      focusAfter.current = row.id;
      notify('success', t('pipeline.board.moved', names));
      onMoved();
    } catch (err) {
      reportError(err);
    }
  };

  const onKey = (e: KeyboardEvent, row: PipelineRow) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const to = neighbourStatus(spec.statuses, row.status, row.allowedNext, e.key === 'ArrowRight' ? 1 : -1);
    if (to) void move(row, to);
  };

  const onDrop = (e: DragEvent, status: string) => {
    e.preventDefault();
    const row = dragged.current;
    dragged.current = null;
    if (row) void move(row, status);
  };

  return (
    <section className="pipeline-board" aria-label={t('pipeline.board.label')}>
      {columns.map((col) => {
        const heading = `board-${spec.kind}-${col.status}`;
        return (
          <section
            key={col.status}
            className="board-column"
            aria-labelledby={heading}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => onDrop(e, col.status)}
          >
            <h2 id={heading} className="board-heading">
              {t(spec.statusLabel(col.status))} <span className="row-count">{formatCount(col.total)}</span>
            </h2>
            <ul className="board-cards">
              {col.rows.map((row) => (
                <li key={row.id}>
                  <article
                    className="board-card"
                    // biome-ignore lint/a11y/noNoninteractiveTabindex: a card is moved with the arrow keys, so it takes focus.
                    tabIndex={0}
                    data-card={row.id}
                    draggable
                    aria-label={t('pipeline.board.card', {
                      company: row.companyName,
                      status: t(spec.statusLabel(row.status)),
                    })}
                    onDragStart={() => {
                      dragged.current = row;
                    }}
                    onKeyDown={(e) => onKey(e, row)}
                  >
                    <a href={`#${companyPath(row.companyId)}`}>{row.companyName}</a>
                    <div className="muted">
                      {'title' in row ? `${row.title} · ` : ''}
                      {row.organisationName}
                    </div>
                    <div className="muted">
                      {[
                        'sentAt' in row ? formatDate(row.sentAt) : formatDate(row.submittedAt),
                        row.consultant,
                        row.waitingDays !== null
                          ? `${t('pipeline.column.waitingDays')}: ${formatCount(row.waitingDays)}`
                          : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                    {row.allowedNext.length ? (
                      <select
                        className="board-move"
                        aria-label={t('pipeline.board.moveLabel', { company: row.companyName })}
                        value=""
                        onChange={(e) => void move(row, e.target.value)}
                        onKeyDown={(e) => e.stopPropagation()}
                      >
                        <option value="">{t('pipeline.board.moveMenu')}</option>
                        {row.allowedNext.map((s) => (
                          <option key={s} value={s}>
                            {t('pipeline.board.moveTo', { status: t(spec.statusLabel(s)) })}
                          </option>
                        ))}
                      </select>
                    ) : null}
                  </article>
                </li>
              ))}
            </ul>
            {col.total > col.rows.length ? (
              <p className="muted">{t('pipeline.board.more', { count: formatCount(col.total - col.rows.length) })}</p>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}
