import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import { ConfirmDialog } from './ConfirmDialog';
import { SectionCard } from './SectionCard';
import { useToasts } from './Toasts';

interface LoadedListProps<T> {
  /** `null` while loading. */
  items: T[] | null;
  emptyText: string;
  children(items: T[]): ReactNode;
}

/** The loading text until the items come, the empty text for none, else the caller's list of them. */
export function LoadedList<T>({ items, emptyText, children }: LoadedListProps<T>) {
  const t = useT();
  if (items === null) return <p className="muted">{t('common.loading')}</p>;
  if (items.length === 0) return <p className="muted">{emptyText}</p>;
  return <>{children(items)}</>;
}

type RowKind = 'record' | 'contact';

interface RecordSectionProps<T> {
  titleId: string;
  title: string;
  /** Beside the heading, e.g. an AddButton. */
  action?: ReactNode;
  items: T[] | null;
  emptyText: string;
  /** The class names' stem: `record` lists (outreach) and `contact` lists each have their own styles. */
  kind?: RowKind;
  /** The list's accessible name; left out, the list is known by the card's heading alone. */
  listLabel?: string;
  /** One row (with its key), usually a RecordRow. */
  renderRow(item: T): ReactNode;
  /** After the list: the card's dialogs. */
  children?: ReactNode;
}

/** A company-page card listing one kind of record, with its add action and its dialogs. */
export function RecordSection<T>({
  titleId,
  title,
  action,
  items,
  emptyText,
  kind = 'record',
  listLabel,
  renderRow,
  children,
}: RecordSectionProps<T>) {
  return (
    <SectionCard titleId={titleId} title={title} action={action}>
      <LoadedList items={items} emptyText={emptyText}>
        {(all) => (
          <ul className={`${kind}-list`} aria-label={listLabel}>
            {all.map((item) => renderRow(item))}
          </ul>
        )}
      </LoadedList>
      {children}
    </SectionCard>
  );
}

interface RecordRowProps {
  /** As the list's. */
  kind?: RowKind;
  /** The first line: title, status tag, dates. */
  main: ReactNode;
  /** Between the first line and the actions: texts, outcome, warnings. */
  children?: ReactNode;
  actions: ReactNode;
}

/** One record in a card's list: its first line, its details and its row of action buttons. */
export function RecordRow({ kind = 'record', main, children, actions }: RecordRowProps) {
  return (
    <li className={kind}>
      <div className={`${kind}-main`}>{main}</div>
      {children}
      <div className={`${kind}-actions`}>{actions}</div>
    </li>
  );
}

interface EditDeleteProps {
  onEdit(): void;
  onDelete(): void;
  /**
   * Given: the buttons are named "Rediger <name>" and "Slet <name>", so that a screen reader (and
   * a test) can tell the rows' buttons apart; else they are named by their visible text alone.
   */
  name?: string;
}

/** The quiet "Rediger" and "Slet" buttons at the end of a record's actions. */
export function EditDeleteButtons({ onEdit, onDelete, name }: EditDeleteProps) {
  const t = useT();
  const edit = t('common.edit');
  const remove = t('common.delete');
  return (
    <>
      <RowButton text={edit} label={name === undefined ? undefined : `${edit} ${name}`} quiet onClick={onEdit} />
      <RowButton text={remove} label={name === undefined ? undefined : `${remove} ${name}`} quiet onClick={onDelete} />
    </>
  );
}

interface RowButtonProps {
  text: string;
  /** The accessible name where the text alone would not tell one row's button from the next. */
  label?: string | undefined;
  /** Secondary actions (rename, delete) are quiet beside the row's main one. */
  quiet?: boolean;
  disabled?: boolean;
  onClick(): void;
}

/** A small button acting on one row of a list or table. */
export function RowButton({ text, label, quiet = false, disabled, onClick }: RowButtonProps) {
  return (
    <button
      type="button"
      className={quiet ? 'btn btn-small btn-quiet' : 'btn btn-small'}
      disabled={disabled}
      aria-label={label}
      onClick={onClick}
    >
      {text}
    </button>
  );
}

interface DeleteConfirmProps {
  text: string;
  /** The danger button's text; "Slet" unless the list says e.g. "Fjern". */
  confirmLabel?: string;
  onClose(): void;
  /** Deletes the record; a failure is shown and the dialog stays open. */
  onDelete(): Promise<unknown>;
  /** The toast once the record is gone. */
  doneText?: string;
  /** After the dialog has closed, e.g. reload the list. */
  onDeleted?(): Promise<unknown>;
  /** Lists whose dialog has always closed on a failure too, leaving the toast to say what went wrong. */
  closeOnFailure?: boolean;
}

/** Asks before a record is deleted, with the danger-styled "Slet" button. */
export function DeleteConfirm({
  text,
  confirmLabel,
  onClose,
  onDelete,
  doneText,
  onDeleted,
  closeOnFailure = false,
}: DeleteConfirmProps) {
  const t = useT();
  const { notify, reportError } = useToasts();
  return (
    <ConfirmDialog
      text={text}
      confirmLabel={confirmLabel ?? t('common.delete')}
      danger
      onClose={onClose}
      onConfirm={async () => {
        try {
          await onDelete();
          if (doneText !== undefined) notify('success', doneText);
          onClose();
          await onDeleted?.();
        } catch (err) {
          reportError(err);
          if (closeOnFailure) onClose();
        }
      }}
    />
  );
}
