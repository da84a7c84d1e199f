import type { ReactNode } from 'react';
import type { RecordDialog } from './use-record-dialog';

/** The add-or-edit dialog while it is open: `render` gets the record, or `null` for a new one. */
export function editorDialog<R>(editor: RecordDialog<R | 'new'>, render: (record: R | null) => ReactNode): ReactNode {
  if (editor.current === null) return null;
  return render(editor.current === 'new' ? null : editor.current);
}
