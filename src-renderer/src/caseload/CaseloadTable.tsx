import {
  type ColumnDef,
  getCoreRowModel,
  type SortingState,
  type Updater,
  useReactTable,
  type VisibilityState,
} from '@tanstack/react-table';
import { defaultRangeExtractor, type Range, useVirtualizer } from '@tanstack/react-virtual';
import {
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
} from 'react';
import { CASELOAD_COLUMNS, type CaseloadColumn } from '../../../src-shared/codes/companies';
import type { CaseloadRow } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import { type CaseloadState, isColumnId, MAX_SORT, moveColumn, type SortItem } from './caseload-state';
import { columnSpec } from './columns';
import { GridRow, gridColumns, type RowHandlers } from './GridRow';
import { TableHeader } from './TableHeader';
import type { CaseloadRows } from './use-caseload-rows';

export const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 36;
/** Rows rendered beyond the screen: few, since every one is DOM work on each scroll step. */
const OVERSCAN = 4;
/** Rows fetched beyond the screen, so a short scroll finds its rows already loaded. */
const FETCH_AHEAD = 30;
const NO_ROWS: CaseloadRow[] = [];

interface Props {
  state: CaseloadState;
  rows: CaseloadRows;
  activeIndex: number | null;
  initialScroll: number;
  onActiveChange(index: number | null): void;
  onSortChange(sort: SortItem[]): void;
  onColumnOrderChange(order: CaseloadColumn[]): void;
  onScroll(offset: number): void;
  onOpen(row: CaseloadRow): void;
  emptyText: string;
  /** Companies marked for a batch action (Ctrl/Shift-click), by id. */
  selectedIds?: ReadonlySet<number>;
  onRowClick?(index: number, e: MouseEvent): void;
}

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater;
}

/**
 * TanStack Table in manual mode owns the columns, the sort state and the header; SQLite does the
 * sorting, filtering and paging, and the virtualiser renders only the rows on screen.
 */
export function CaseloadTable(props: Props) {
  const { state, rows, activeIndex } = props;
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const pendingFocus = useRef<number | null>(null);
  const total = rows.total ?? 0;

  const columns = useMemo<ColumnDef<CaseloadRow>[]>(
    () => CASELOAD_COLUMNS.map((id) => ({ id, accessorKey: id, size: columnSpec(id).size })),
    [],
  );
  const sorting: SortingState = state.sort.map((s) => ({ id: s.column, desc: s.desc }));
  const columnVisibility: VisibilityState = Object.fromEntries(
    CASELOAD_COLUMNS.map((id) => [id, !state.hiddenColumns.includes(id)]),
  );

  const table = useReactTable({
    data: NO_ROWS,
    columns,
    state: { sorting, columnOrder: state.columnOrder, columnVisibility },
    onSortingChange: (updater) => {
      const next = resolve(updater, sorting);
      props.onSortChange(next.flatMap((s) => (isColumnId(s.id) ? [{ column: s.id, desc: s.desc }] : [])));
    },
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    rowCount: total,
    enableMultiSort: true,
    maxMultiSortColCount: MAX_SORT,
    sortDescFirst: false,
    isMultiSortEvent: (e) => (e as { shiftKey?: boolean }).shiftKey === true,
    getCoreRowModel: getCoreRowModel(),
  });
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const visibleIds = table
    .getVisibleLeafColumns()
    .flatMap((c) => (isColumnId(c.id) ? [c.id] : []))
    .join(',');
  // Memoised by the column ids so the rows' memo holds while the table re-renders.
  const visible = useMemo(
    () => visibleIds.split(',').flatMap((id) => (isColumnId(id) ? [columnSpec(id)] : [])),
    [visibleIds],
  );
  const rowWidth = visible.reduce((sum, c) => sum + c.size, 0);
  const columnTracks = gridColumns(visible);

  // Handlers reach the rows through a ref, so a row re-renders only when what it shows changes.
  const latest = useRef(props);
  latest.current = props;
  const handlers = useMemo<RowHandlers>(
    () => ({
      onFocus: (index) => latest.current.onActiveChange(index),
      onClick: (index, e) => latest.current.onRowClick?.(index, e),
      onOpen: (row) => latest.current.onOpen(row),
    }),
    [],
  );

  // The active row stays rendered while the wheel scrolls it away, so it keeps the keyboard focus.
  const activeRef = useRef(activeIndex);
  activeRef.current = activeIndex;
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const active = activeRef.current;
    if (active === null || active >= range.count || indexes.includes(active)) return indexes;
    return [...indexes, active].sort((a, b) => a - b);
  }, []);

  const virtualizer = useVirtualizer({
    count: total,
    rangeExtractor,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialOffset: props.initialScroll,
  });
  const items = virtualizer.getVirtualItems();
  // The contiguous rows around the screen (the default range); the active row may lie outside it.
  const flowFirst = Math.max(0, (virtualizer.range?.startIndex ?? 0) - OVERSCAN);
  const flowLast = (virtualizer.range?.endIndex ?? 0) + OVERSCAN;
  const flowTop = (items.find((i) => i.index >= flowFirst)?.start ?? HEADER_HEIGHT) - HEADER_HEIGHT;
  // A new sort, filter or search starts at the top (the layout effect below scrolls there), so its
  // first request is for the top rows, not for where the previous result was scrolled to.
  const queryShown = useRef(rows.query);
  const newQuery = queryShown.current !== rows.query;
  const rangeStart = newQuery ? 0 : (virtualizer.range?.startIndex ?? 0);
  const rangeEnd = rangeStart + (virtualizer.range ? virtualizer.range.endIndex - virtualizer.range.startIndex : 0);
  const first = Math.max(0, rangeStart - FETCH_AHEAD);
  const last = rangeEnd + FETCH_AHEAD;

  useLayoutEffect(() => {
    if (queryShown.current === rows.query) return;
    queryShown.current = rows.query;
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [rows.query]);

  useEffect(() => rows.setRange(first, last), [rows, first, last]);

  // Focus follows the keyboard once the virtualiser has rendered the row it scrolled to.
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const el = bodyRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  const moveTo = (index: number) => {
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, index));
    pendingFocus.current = next;
    props.onActiveChange(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const keyTarget = (key: string): number | 'open' | null => {
    const current = activeIndex ?? -1;
    const visibleRows = Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT);
    const pageRows = Math.max(1, visibleRows - 1);
    switch (key) {
      case 'ArrowDown':
        return current + 1;
      case 'ArrowUp':
        return Math.max(0, current - 1);
      case 'Home':
        return 0;
      case 'End':
        return total - 1;
      case 'PageDown':
        return current + pageRows;
      case 'PageUp':
        return current - pageRows;
      case 'Enter':
        return 'open';
      default:
        return null;
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    // Keys belong to the rows; the header's sort buttons keep their own behaviour.
    if (!(e.target instanceof HTMLTableRowElement) || !bodyRef.current?.contains(e.target)) return;
    const target = keyTarget(e.key);
    if (target === null || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    if (target !== 'open') return moveTo(target);
    const row = activeIndex === null ? undefined : rows.row(activeIndex);
    if (row) props.onOpen(row);
  };

  const rendered = new Set(items.map((i) => i.index));
  const tabStop = activeIndex !== null && rendered.has(activeIndex) ? activeIndex : (items[0]?.index ?? 0);

  return (
    <div ref={scrollRef} className="grid-scroll" onScroll={(e) => props.onScroll(e.currentTarget.scrollTop)}>
      <table
        className="grid"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA grid pattern (rows take focus and keys).
        role="grid"
        aria-label={t('caseload.tableLabel')}
        aria-rowcount={total + 1}
        // The previous result stays on screen while a new one is fetched; say so to assistive tech.
        aria-busy={rows.stale || undefined}
        aria-colcount={visible.length}
        // One custom property lays out every row's cells: no per-cell widths (see GridRow).
        style={{ minWidth: rowWidth, '--grid-columns': columnTracks } as CSSProperties}
        onKeyDown={onKeyDown}
      >
        <TableHeader
          headers={headers.filter((h) => h.column.getIsVisible())}
          onMove={(dragged, target) => {
            const order = state.columnOrder;
            const from = order.indexOf(dragged);
            const to = order.filter((c) => c !== dragged).indexOf(target) + (from < order.indexOf(target) ? 1 : 0);
            props.onColumnOrderChange(moveColumn(order, dragged, to));
          }}
        />
        <tbody
          ref={bodyRef}
          className="grid-body"
          // The rows on screen follow the padding: the one style that changes per scroll step.
          style={{ height: virtualizer.getTotalSize(), paddingTop: flowTop }}
        >
          {items.map((item) => {
            const row = rows.row(item.index);
            const inFlow = item.index >= flowFirst && item.index <= flowLast;
            return (
              <GridRow
                key={item.key}
                index={item.index}
                row={row}
                detachedTop={inFlow ? null : item.start - HEADER_HEIGHT}
                active={item.index === activeIndex}
                marked={row ? (props.selectedIds?.has(row.id) ?? false) : false}
                tabStop={item.index === tabStop}
                visible={visible}
                t={t}
                handlers={handlers}
              />
            );
          })}
        </tbody>
      </table>
      {rows.total === 0 ? <div className="grid-empty">{props.emptyText}</div> : null}
    </div>
  );
}
