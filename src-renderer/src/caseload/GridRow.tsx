import { type MouseEvent, memo } from 'react';
import type { CaseloadRow } from '../api/types';
import type { TFunction } from '../i18n/translate';
import type { ColumnSpec } from './columns';

export interface RowHandlers {
  onFocus(index: number): void;
  onClick(index: number, e: MouseEvent): void;
  onOpen(row: CaseloadRow): void;
}

interface Props {
  index: number;
  /** Undefined while its page is on its way: the row shows a placeholder. */
  row: CaseloadRow | undefined;
  /**
   * Null for the rows on screen, which follow each other in the body's flow. A number (offset from
   * the top of the body, px) for the active row kept rendered while it is scrolled away.
   */
  detachedTop: number | null;
  active: boolean;
  marked: boolean;
  tabStop: boolean;
  visible: readonly ColumnSpec[];
  t: TFunction;
  /** Stable across renders (the table keeps it in a ref), so it does not defeat the memo. */
  handlers: RowHandlers;
}

/**
 * One body row. Memoised: a page arriving or a scroll step re-renders the table, and only rows
 * whose data, position or state changed are compared and written again.
 *
 * Neither rows nor cells carry an inline style: widths come from the row's grid (set once on the
 * table) and rows follow each other after the body's top padding. Chromium cannot share a computed
 * style with an element that has its own style attribute, and computing hundreds of them afresh on
 * every scroll step was most of each long frame.
 */
export const GridRow = memo(function GridRow({
  index,
  row,
  detachedTop,
  active,
  marked,
  tabStop,
  visible,
  t,
  handlers,
}: Props) {
  return (
    <tr
      data-index={index}
      aria-rowindex={index + 2}
      aria-selected={active}
      tabIndex={tabStop ? 0 : -1}
      className={`grid-row${active ? ' active' : ''}${marked ? ' marked' : ''}${row ? '' : ' placeholder'}${index % 2 ? ' odd' : ''}${detachedTop === null ? '' : ' detached'}`}
      data-marked={marked || undefined}
      style={detachedTop === null ? undefined : { transform: `translateY(${detachedTop}px)` }}
      onFocus={() => handlers.onFocus(index)}
      onClick={(e) => handlers.onClick(index, e)}
      onDoubleClick={() => row && handlers.onOpen(row)}
    >
      {row ? (
        visible.map((spec, i) => (
          <td key={spec.id} aria-colindex={i + 1} className={cellClass(spec)}>
            {spec.render(row, t)}
          </td>
        ))
      ) : (
        // A row still on its way is one cell: dragging the scrollbar passes thousands of these,
        // and each frame creates a screenful of them.
        <td aria-colindex={1} className="grid-cell">
          <span className="skeleton">{t('caseload.loadingRow')}</span>
        </td>
      )}
    </tr>
  );
});

/** The name column stays in view when the grid scrolls sideways. */
export function cellClass(spec: ColumnSpec): string {
  return `grid-cell${spec.numeric ? ' numeric' : ''}${spec.id === 'name' ? ' pinned' : ''}`;
}

/** The grid's column tracks: fixed widths, the name column also takes any spare width. */
export function gridColumns(visible: readonly ColumnSpec[]): string {
  return visible.map((c) => (c.id === 'name' ? `minmax(${c.size}px, 1fr)` : `${c.size}px`)).join(' ');
}
