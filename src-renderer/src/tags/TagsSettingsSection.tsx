import { useState } from 'react';
import { api } from '../api';
import { ApiCallError } from '../api/client';
import type { Tag } from '../api/types';
import { DocTable } from '../components/DocTable';
import { TextField } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { DeleteConfirm } from '../components/RecordList';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { formatCount } from '../lib/format';
import { refreshTags, useTags } from '../lib/use-reference';

/** Settings: every tag with how many firms carry it, to rename or delete for all of them. */
export function TagsSettingsSection() {
  const t = useT();
  const { notify, reportError } = useToasts();
  const tags = useTags(reportError);
  const [renaming, setRenaming] = useState<Tag | null>(null);
  const [deleting, setDeleting] = useState<Tag | null>(null);

  return (
    <section className="card" aria-labelledby="tags-settings-title">
      <h2 id="tags-settings-title">{t('tags.manageTitle')}</h2>
      <p className="muted">{t('tags.manageIntro')}</p>
      {tags.length ? (
        <DocTable
          rows={tags}
          rowKey={(tag) => tag.id}
          columns={[
            { key: 'name', header: t('column.tags'), cell: (tag) => tag.name },
            {
              key: 'companies',
              header: t('tags.manageCompanies'),
              headerClass: 'num',
              cellClass: 'num',
              cell: (tag) => formatCount(tag.companies),
            },
          ]}
          actionsClass="row-actions"
          actions={(tag) => (
            <>
              <button type="button" className="btn btn-quiet" onClick={() => setRenaming(tag)}>
                {t('tags.rename')}
                <span className="visually-hidden"> {tag.name}</span>
              </button>
              <button type="button" className="btn btn-quiet" onClick={() => setDeleting(tag)}>
                {t('tags.delete')}
                <span className="visually-hidden"> {tag.name}</span>
              </button>
            </>
          )}
        />
      ) : (
        <p className="muted">{t('tags.manageEmpty')}</p>
      )}
      {renaming ? (
        <RenameTagDialog
          tag={renaming}
          onClose={() => setRenaming(null)}
          onDone={(name) => {
            setRenaming(null);
            notify('success', t('tags.renamed', { name }));
            void refreshTags().catch(reportError);
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteConfirm
          text={t('tags.deleteConfirm', { name: deleting.name, count: formatCount(deleting.companies) })}
          confirmLabel={t('tags.delete')}
          onClose={() => setDeleting(null)}
          onDelete={() => api.call('tags.delete', { id: deleting.id })}
          doneText={t('tags.deleted', { name: deleting.name })}
          onDeleted={refreshTags}
        />
      ) : null}
    </section>
  );
}

function RenameTagDialog({ tag, onClose, onDone }: { tag: Tag; onClose(): void; onDone(name: string): void }) {
  const t = useT();
  const [name, setName] = useState(tag.name);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      const renamed = await api.call('tags.rename', { id: tag.id, name });
      onDone(renamed.name);
    } catch (err) {
      setError(err instanceof ApiCallError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog title={t('tags.rename')} busy={busy} onClose={onClose} onSubmit={() => void submit()}>
      <TextField
        id="tag-rename"
        label={t('tags.renameLabel', { name: tag.name })}
        maxLength={60}
        value={name}
        error={error}
        onChange={(e) => setName(e.target.value)}
      />
    </FormDialog>
  );
}
