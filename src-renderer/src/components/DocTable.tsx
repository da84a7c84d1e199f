import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';

interface Props {
  /** The `<th scope="col">` headings of the data columns. */
  columns: ReactNode;
  /** The `<tr>`s, each ending in a cell of buttons. */
  children: ReactNode;
}

/** A table of records with buttons on each row: the buttons' column is named only for screen readers. */
export function DocTable({ columns, children }: Props) {
  const t = useT();
  return (
    <table className="doc-table">
      <thead>
        <tr>
          {columns}
          <th scope="col">
            <span className="visually-hidden">{t('doc.col.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
