import type { Header } from '@tanstack/react-table';
import { type DragEvent, useState } from 'react';
import type { CaseloadColumn } from '../../../src-shared/codes/companies';
import type { CaseloadRow } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import { isColumnId } from './caseload-state';
import { columnSpec } from './columns';
import { cellClass } from './GridRow';

const DRAG_TYPE = 'application/x-bindeled-column';

interface Props {
  headers: Header<CaseloadRow, unknown>[];
  /** Moves a column next to another (drag and drop on the header). */
  onMove(dragged: CaseloadColumn, target: CaseloadColumn): void;
}

/** The header row: click to sort (shift+click adds a column), drag a header to move its column. */
export function TableHeader({ headers, onMove }: Props) {
  const t = useT();
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const sortCount = headers.filter((h) => h.column.getIsSorted()).length;

  const onDrop = (e: DragEvent, target: string) => {
    e.preventDefault();
    setDropTarget(null);
    const dragged = e.dataTransfer.getData(DRAG_TYPE);
    if (isColumnId(dragged) && isColumnId(target) && dragged !== target) onMove(dragged, target);
  };

  return (
    <thead className="grid-head">
      <tr className="grid-row grid-header-row" aria-rowindex={1}>
        {headers.map((header, i) => {
          const id = header.column.id;
          if (!isColumnId(id)) return null;
          const spec = columnSpec(id);
          const sorted = header.column.getIsSorted();
          const sortIndex = header.column.getSortIndex();
          const primary = sorted && sortIndex === 0;
          const label = t(spec.labelKey);
          return (
            <th
              key={id}
              scope="col"
              aria-colindex={i + 1}
              aria-sort={primary ? (sorted === 'desc' ? 'descending' : 'ascending') : undefined}
              className={`${cellClass(spec)} grid-th${dropTarget === id ? ' drop-target' : ''}`}
              data-column={id}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_TYPE, id);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => {
                if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
                e.preventDefault();
                setDropTarget(id);
              }}
              onDragLeave={() => setDropTarget((cur) => (cur === id ? null : cur))}
              onDrop={(e) => onDrop(e, id)}
            >
              <button
                type="button"
                className="th-button"
                onClick={header.column.getToggleSortingHandler()}
                title={t('caseload.sortHint')}
              >
                <span className="th-label">{label}</span>
                {sorted ? (
                  <span className="sort-mark">
                    <span aria-hidden="true">{sorted === 'desc' ? '▼' : '▲'}</span>
                    <span className="visually-hidden">
                      {t(sorted === 'desc' ? 'caseload.sortedDesc' : 'caseload.sortedAsc')}
                    </span>
                    {sortCount > 1 ? <sup>{sortIndex + 1}</sup> : null}
                  </span>
                ) : null}
              </button>
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
