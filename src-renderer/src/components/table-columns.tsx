import type { Key, ReactNode } from 'react';

export interface TableColumn<T> {
  /** Unique in the table: the cells' key. */
  key: string;
  header: ReactNode;
  /** On the column's heading, e.g. `num` to align it with its figures. */
  headerClass?: string;
  /** On each of the column's cells. */
  cellClass?: string;
  /** A cell's tooltip: what the cell shortens, e.g. the full path of a file named by its name. */
  title?(row: T): string;
  /** The column names its row: its cells are `<th scope="row">`, which a screen reader reads out with the row. */
  rowHeader?: boolean;
  cell(row: T, index: number): ReactNode;
}

interface Props<T> {
  className: string;
  columns: readonly TableColumn<NoInfer<T>>[];
  rows: readonly T[];
  rowKey(row: T, index: number): Key;
  caption?: ReactNode;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  'data-testid'?: string;
}

/** A plain table of rows, written once from its columns: a heading and a cell for each. */
export function ColumnTable<T>({ className, columns, rows, rowKey, caption, ...named }: Props<T>) {
  return (
    <table className={className} {...named}>
      {caption === undefined ? null : <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={c.headerClass}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)}>
            {columns.map((c) =>
              c.rowHeader ? (
                <th key={c.key} scope="row" className={c.cellClass} title={c.title?.(row)}>
                  {c.cell(row, i)}
                </th>
              ) : (
                <td key={c.key} className={c.cellClass} title={c.title?.(row)}>
                  {c.cell(row, i)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
