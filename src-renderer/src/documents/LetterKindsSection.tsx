import { useCallback, useState } from 'react';
import { LETTER_SUBJECTS, type LetterSubject } from '../../../src-shared/codes/documents';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import { ApiCallError } from '../api/client';
import type { LetterKind } from '../api/types';
import { DocTable } from '../components/DocTable';
import { SelectField, TextField } from '../components/Field';
import { FileDrop } from '../components/FileDrop';
import { FormDialog } from '../components/FormDialog';
import { LabelOptions } from '../components/Options';
import { DeleteConfirm, LoadedList, RowButton } from '../components/RecordList';
import { useToasts } from '../components/Toasts';
import { ColumnTable } from '../components/table-columns';
import { useLoaded } from '../components/use-loaded';
import { useT } from '../i18n/I18nProvider';
import { formatCount } from '../lib/format';
import { readAsBase64 } from '../lib/read-file';

const upload = async (file: File) => ({ base64: await readAsBase64(file), fileName: file.name });

type Editing = { mode: 'add' } | { mode: 'rename' | 'replace'; kind: LetterKind };

/**
 * Settings › "Egne brevtyper": the consultant's own letter kinds (name, what the letter is about,
 * template) and, per subject, the fields a template may use with their Danish names and examples.
 */
export function LetterKindsSection() {
  const t = useT();
  const { notify } = useToasts();
  const [kinds, reload] = useLoaded(useCallback(() => api.call('letterKinds.list', {}), []));
  const [fields] = useLoaded(useCallback(() => api.call('letterKinds.fields', {}), []));
  const [subject, setSubject] = useState<LetterSubject>('company');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<LetterKind | null>(null);
  const shown = fields?.find((f) => f.subject === subject);

  return (
    <section className="card" aria-labelledby="set-letter-kinds-title" data-testid="letter-kinds">
      <h2 id="set-letter-kinds-title">{t('letterKind.title')}</h2>
      <p className="muted">{t('letterKind.intro')}</p>
      <LoadedList items={kinds} emptyText={t('letterKind.empty')}>
        {(items) => (
          <DocTable
            rows={items}
            rowKey={(k) => k.id}
            columns={[
              { key: 'name', header: t('letterKind.col.name'), cell: (k) => k.name },
              {
                key: 'subject',
                header: t('letterKind.col.subject'),
                cell: (k) => t(labelKey.letterSubject(k.subject)),
              },
              {
                key: 'template',
                header: t('letterKind.col.template'),
                cell: (k) => (
                  <>
                    {k.templateName}
                    {k.templateFound ? null : <span className="tag">{t('doc.moved')}</span>}
                  </>
                ),
              },
              { key: 'used', header: t('letterKind.col.used'), cell: (k) => formatCount(k.used) },
            ]}
            actions={(k) => (
              <>
                <RowButton text={t('letterKind.rename')} onClick={() => setEditing({ mode: 'rename', kind: k })} />
                <RowButton text={t('letterKind.replace')} onClick={() => setEditing({ mode: 'replace', kind: k })} />
                <RowButton text={t('letterKind.remove')} quiet onClick={() => setRemoving(k)} />
              </>
            )}
          />
        )}
      </LoadedList>
      <div className="record-actions">
        <button type="button" className="btn" onClick={() => setEditing({ mode: 'add' })}>
          {t('letterKind.add')}
        </button>
      </div>

      <h3 id="letter-kind-fields-title">{t('letterKind.fields')}</h3>
      <p className="muted">{t('letterKind.fieldsIntro', { example: '{{company_name}}' })}</p>
      <div className="form-grid">
        <SubjectSelect
          id="letter-kind-fields-subject"
          label={t('letterKind.fieldsFor')}
          value={subject}
          onChange={setSubject}
        />
      </div>
      {shown ? (
        <div>
          <ColumnTable
            className="doc-table"
            aria-labelledby="letter-kind-fields-title"
            data-testid="letter-kind-fields"
            rows={shown.placeholders}
            rowKey={(p) => p.key}
            columns={[
              { key: 'field', header: t('letterKind.col.field'), cell: (p) => <code>{`{{${p.key}}}`}</code> },
              { key: 'label', header: t('letterKind.col.label'), cell: (p) => p.description },
              { key: 'example', header: t('letterKind.col.example'), cell: (p) => p.example },
            ]}
          />
        </div>
      ) : null}

      {editing ? (
        <LetterKindDialog
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={(k, added) => {
            setEditing(null);
            notify('success', t(added ? 'letterKind.added' : 'letterKind.saved', { name: k.name }));
            void reload();
          }}
        />
      ) : null}
      {removing ? (
        <DeleteConfirm
          text={t('letterKind.removeConfirm', { name: removing.name })}
          confirmLabel={t('letterKind.remove')}
          onClose={() => setRemoving(null)}
          onDelete={() => api.call('letterKinds.remove', { id: removing.id })}
          doneText={t('letterKind.removedToast', { name: removing.name })}
          onDeleted={reload}
        />
      ) : null}
    </section>
  );
}

/** What a letter kind is about, by its Danish name. */
function SubjectSelect(props: { id: string; label: string; value: LetterSubject; onChange(s: LetterSubject): void }) {
  return (
    <SelectField
      id={props.id}
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as LetterSubject)}
    >
      <LabelOptions codes={LETTER_SUBJECTS} label={labelKey.letterSubject} />
    </SelectField>
  );
}

interface DialogProps {
  editing: Editing;
  onClose(): void;
  onSaved(kind: LetterKind, added: boolean): void;
}

/** Add a kind (name, subject, template), rename one, or give one a new template. */
function LetterKindDialog({ editing, onClose, onSaved }: DialogProps) {
  const t = useT();
  const { reportError } = useToasts();
  const existing = editing.mode === 'add' ? null : editing.kind;
  const [name, setName] = useState(existing?.name ?? '');
  const [subject, setSubject] = useState<LetterSubject>(existing?.subject ?? 'company');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  const needsFile = editing.mode !== 'rename';
  const needsName = editing.mode !== 'replace';

  const save = async () => {
    setProblem(null);
    setNameError(undefined);
    if (needsName && !name.trim()) {
      setNameError(t('letterKind.nameEmpty'));
      return;
    }
    if (needsFile && !file) {
      setProblem(t('letterKind.noFile'));
      return;
    }
    setBusy(true);
    try {
      if (editing.mode === 'add' && file)
        onSaved(await api.call('letterKinds.add', { name, subject, template: await upload(file) }), true);
      else if (editing.mode === 'rename')
        onSaved(await api.call('letterKinds.rename', { id: editing.kind.id, name }), false);
      else if (editing.mode === 'replace' && file)
        onSaved(
          await api.call('letterKinds.replaceTemplate', { id: editing.kind.id, template: await upload(file) }),
          false,
        );
    } catch (err) {
      // A refused template or a taken name is shown in the dialog, where it can be put right.
      if (err instanceof ApiCallError && err.code === 'invalid_input') {
        if (err.fieldMessages.name) setNameError(err.fieldMessages.name);
        else setProblem(err.message);
      } else reportError(err);
    } finally {
      setBusy(false);
    }
  };

  const title =
    editing.mode === 'add'
      ? t('letterKind.addTitle')
      : editing.mode === 'rename'
        ? t('letterKind.renameTitle')
        : t('letterKind.replaceTitle', { name: editing.kind.name });

  return (
    <FormDialog
      title={title}
      busy={busy}
      keepLabel
      submitLabel={t('letterKind.save')}
      onClose={onClose}
      onSubmit={() => void save()}
    >
      {problem ? (
        <div className="banner banner-error" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      <div className="form-grid">
        {needsName ? (
          <TextField
            id="letter-kind-name"
            label={t('letterKind.name')}
            hint={t('letterKind.nameHint')}
            wide
            required
            error={nameError}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        ) : null}
        {editing.mode === 'add' ? (
          <SubjectSelect
            id="letter-kind-subject"
            label={t('letterKind.subject')}
            value={subject}
            onChange={setSubject}
          />
        ) : null}
        {needsFile ? (
          <div className="field field-wide">
            <FileDrop
              label={t('letterKind.file')}
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              chosen={file?.name ?? null}
              onFile={setFile}
            />
          </div>
        ) : null}
      </div>
    </FormDialog>
  );
}
