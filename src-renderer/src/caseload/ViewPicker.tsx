import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { ApiCallError } from '../api/client';
import type { SavedView } from '../api/types';
import { TextField } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { NamedOptions } from '../components/Options';
import { DeleteConfirm } from '../components/RecordList';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { type CaseloadState, isModified, toViewState } from './caseload-state';

interface Props {
  state: CaseloadState;
  onApply(view: SavedView | null): void;
  onSaved(view: SavedView): void;
  /** The chosen view was deleted: the table keeps what it shows, without a view name. */
  onDeleted(): void;
}

/** Named views of the caseload (sort, filters, search, columns), stored in the database. */
export function ViewPicker({ state, onApply, onSaved, onDeleted }: Props) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [views, setViews] = useState<SavedView[]>([]);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<SavedView | null>(null);

  const reload = useCallback(() => api.call('views.list', {}).then(setViews).catch(reportError), [reportError]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const current = views.find((v) => v.id === state.viewId) ?? null;
  const modified = isModified(state, current?.state ?? null);

  return (
    <div className="view-picker">
      <label htmlFor="view-select" className="view-label">
        {t('views.label')}
      </label>
      <select
        id="view-select"
        className="input view-select"
        value={current ? String(current.id) : ''}
        onChange={(e) => onApply(views.find((v) => String(v.id) === e.target.value) ?? null)}
      >
        <option value="">{t('views.none')}</option>
        <NamedOptions items={views} />
      </select>
      {current && modified ? <span className="view-modified">{t('views.modified')}</span> : null}
      <button type="button" className="btn" onClick={() => setSaving(true)}>
        {t('views.save')}
      </button>
      {current ? (
        <button type="button" className="btn btn-quiet" onClick={() => setDeleting(current)}>
          {t('views.delete')}
        </button>
      ) : null}
      {saving ? (
        <SaveViewDialog
          initialName={current?.name ?? ''}
          onClose={() => setSaving(false)}
          onSave={async (name) => {
            const view = await api.call('views.save', { name, state: toViewState(state) });
            setSaving(false);
            notify('success', t('views.saved', { name: view.name }));
            await reload();
            onSaved(view);
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteConfirm
          text={t('views.deleteConfirm', { name: deleting.name })}
          onClose={() => setDeleting(null)}
          onDelete={() => api.call('views.delete', { id: deleting.id })}
          doneText={t('views.deleted', { name: deleting.name })}
          onDeleted={() => {
            onDeleted();
            return reload();
          }}
          closeOnFailure
        />
      ) : null}
    </div>
  );
}

function SaveViewDialog(props: { initialName: string; onClose(): void; onSave(name: string): Promise<void> }) {
  const t = useT();
  const [name, setName] = useState(props.initialName);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <FormDialog
      title={t('views.saveTitle')}
      busy={busy}
      keepLabel
      onClose={props.onClose}
      onSubmit={async () => {
        setBusy(true);
        try {
          await props.onSave(name);
        } catch (err) {
          if (!(err instanceof ApiCallError)) throw err;
          setError(err.fieldMessages.name ?? err.message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <TextField
        id="view-name"
        label={t('views.name')}
        value={name}
        maxLength={80}
        autoFocus
        error={error}
        onChange={(e) => setName(e.target.value)}
      />
    </FormDialog>
  );
}
