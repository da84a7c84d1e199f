import type { Key, ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import { ColumnTable, type TableColumn } from './table-columns';

interface Props<T> {
  /** The data columns. */
  columns: readonly TableColumn<NoInfer<T>>[];
  rows: readonly T[];
  rowKey(row: T): Key;
  /** The row's buttons, in the last column. */
  actions(row: T): ReactNode;
  /** The buttons' cell class, `doc-actions` where the list has no styles of its own. */
  actionsClass?: string;
}

/** A table of records with buttons on each row: the buttons' column is named only for screen readers. */
export function DocTable<T>({ columns, rows, rowKey, actions, actionsClass = 'doc-actions' }: Props<T>) {
  const t = useT();
  return (
    <ColumnTable
      className="doc-table"
      rows={rows}
      rowKey={rowKey}
      columns={[
        ...columns,
        {
          key: 'actions',
          header: <span className="visually-hidden">{t('doc.col.actions')}</span>,
          cellClass: actionsClass,
          cell: actions,
        },
      ]}
    />
  );
}
