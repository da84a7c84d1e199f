import { useCallback, useRef, useState } from 'react';
import { ANNEX_KINDS, type AnnexKind } from '../../../src-shared/codes/attachments';
import { formatFileSize } from '../../../src-shared/format/file-size';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { Attachment } from '../api/types';
import { TextField } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { useBusyAction } from '../components/form-binding';
import { LabelOptions } from '../components/Options';
import { DeleteConfirm, RowButton } from '../components/RecordList';
import { useToasts } from '../components/Toasts';
import { useLoaded } from '../components/use-loaded';
import { useT } from '../i18n/I18nProvider';
import { formatDateTime } from '../lib/format';
import { type AttachTarget, attachBrowserFile, openAttachment, relinkBrowserFile } from './attachment-files';
import { DropZone } from './DropZone';
import './attachments.css';

interface Props {
  target: AttachTarget;
  /** A LAG application's panel shows the annex checklist and lets each file be marked as one. */
  checklist?: boolean;
  /** What each row says it hangs on (the firm's tab lists them all). */
  placeOf?(a: Attachment): string | null;
  headingId: string;
  heading: string;
  /** Inside a visit, referral or application: a sub-heading. */
  nested?: boolean;
}

/** A list of attachments with a drop zone: open, rename, remove, find again. */
export function AttachmentsPanel({ target, checklist, placeOf, headingId, heading, nested }: Props) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const { companyId, visitId, referralId, applicationId } = target;
  const [items, reload] = useLoaded(
    useCallback(
      () => api.call('attachments.list', { companyId, visitId, referralId, applicationId }),
      [companyId, visitId, referralId, applicationId],
    ),
  );
  const [busy, whileBusy] = useBusyAction();
  const [renaming, setRenaming] = useState<Attachment | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const relinkInput = useRef<HTMLInputElement>(null);
  const [relinking, setRelinking] = useState<Attachment | null>(null);

  const added = (a: Attachment) => notify('success', t('attachments.added', { name: a.name }));

  /** Adds files one by one: those added before a failure stay, and the list shows them. */
  const adding = (add: () => Promise<void>) => whileBusy(add).finally(() => void reload());
  const addFiles = (files: File[]) =>
    adding(async () => {
      for (const f of files) added(await attachBrowserFile(target, f));
    });
  const addPath = (path: string) =>
    adding(async () => {
      added(await api.call('attachments.add', { ...target, path }));
    });

  const findAgain = async (a: Attachment) => {
    if (api.transport === 'electron') {
      const picked = await api.call('files.chooseOpen', {
        title: t('attachments.findAgainLabel', { name: a.name }),
        filters: [{ name: t('attachments.allFiles'), extensions: ['*'] }],
      });
      if (picked) await api.call('attachments.relink', { id: a.id, path: picked.path });
      void reload();
      return;
    }
    setRelinking(a);
    relinkInput.current?.click();
  };

  const setAnnex = (a: Attachment, annex: AnnexKind | null) =>
    api.call('attachments.update', { id: a.id, annex }).then(() => reload(), reportError);

  return (
    <section className={nested ? 'attachments' : 'card attachments'} aria-labelledby={headingId}>
      {nested ? <h3 id={headingId}>{heading}</h3> : <h2 id={headingId}>{heading}</h2>}
      {checklist && items ? (
        <ul className="annex-checklist" aria-label={t('attachments.checklist')}>
          {ANNEX_KINDS.map((k) => {
            const names = items.filter((a) => a.annex === k).map((a) => a.name);
            return (
              <li key={k} className={names.length ? 'annex-done' : 'annex-missing'}>
                <span aria-hidden="true">{names.length ? '✓' : '○'}</span> {t(labelKey.annex(k))}:{' '}
                {names.length ? names.join(', ') : t('attachments.checklistMissing')}
              </li>
            );
          })}
        </ul>
      ) : null}
      {items === null ? null : items.length === 0 ? (
        <p className="attachment-detail">{t('attachments.none')}</p>
      ) : (
        <ul className="attachment-list" aria-label={heading}>
          {items.map((a) => (
            <li key={a.id} className="attachment-row">
              <div className="attachment-main">
                <span className="record-title">{a.name}</span>
                {a.missing ? <span className="tag tag-warning">{t('attachments.missingBadge')}</span> : null}
                {a.executable ? <span className="tag">{t('attachments.executableBadge')}</span> : null}
                {placeOf?.(a) ? <span className="tag">{placeOf(a)}</span> : null}
                <span className="attachment-detail">
                  {t('attachments.sizeDetail', {
                    size: formatFileSize(a.sizeBytes),
                    who: a.addedBy,
                    when: formatDateTime(a.createdAt),
                  })}
                </span>
              </div>
              <div className="attachment-actions">
                {checklist ? (
                  <select
                    className="input input-small"
                    aria-label={`${t('attachments.annexLabel')}: ${a.name}`}
                    value={a.annex ?? ''}
                    onChange={(e) => void setAnnex(a, (e.target.value || null) as AnnexKind | null)}
                  >
                    <option value="">{t('attachments.annexNone')}</option>
                    <LabelOptions codes={ANNEX_KINDS} label={labelKey.annex} />
                  </select>
                ) : null}
                {a.missing ? (
                  <RowButton
                    text={t('attachments.findAgain')}
                    label={t('attachments.findAgainLabel', { name: a.name })}
                    onClick={() => findAgain(a).catch(reportError)}
                  />
                ) : (
                  <RowButton
                    text={t('attachments.open')}
                    label={t('attachments.openLabel', { name: a.name })}
                    disabled={a.executable}
                    onClick={() => openAttachment(a.id).catch(reportError)}
                  />
                )}
                <RowButton
                  text={t('attachments.rename')}
                  label={t('attachments.renameLabel', { name: a.name })}
                  quiet
                  onClick={() => setRenaming(a)}
                />
                <RowButton
                  text={t('attachments.remove')}
                  label={t('attachments.removeLabel', { name: a.name })}
                  quiet
                  onClick={() => setRemoving(a)}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      <DropZone busy={busy} onFiles={(f) => void addFiles(f)} onChoosePath={(p) => void addPath(p)} />
      <input
        ref={relinkInput}
        type="file"
        hidden
        tabIndex={-1}
        aria-label={t('attachments.findAgain')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file && relinking)
            relinkBrowserFile(relinking.id, file).then(
              () => reload(),
              (err: unknown) => reportError(err),
            );
        }}
      />
      {renaming ? (
        <RenameDialog
          attachment={renaming}
          onClose={() => setRenaming(null)}
          onDone={() => {
            setRenaming(null);
            void reload();
          }}
        />
      ) : null}
      {removing ? (
        <DeleteConfirm
          text={t('attachments.removeConfirm', { name: removing.name })}
          confirmLabel={t('attachments.remove')}
          onClose={() => setRemoving(null)}
          // A failed removal may have got part of the way: the list is read again either way.
          onDelete={() => api.call('attachments.remove', { id: removing.id }).finally(() => void reload())}
          doneText={t('attachments.removed', { name: removing.name })}
          closeOnFailure
        />
      ) : null}
    </section>
  );
}

function RenameDialog({ attachment, onClose, onDone }: { attachment: Attachment; onClose(): void; onDone(): void }) {
  const t = useT();
  const { reportError } = useToasts();
  const [name, setName] = useState(attachment.name);
  return (
    <FormDialog
      title={t('attachments.renameTitle')}
      submitLabel={t('attachments.rename')}
      onClose={onClose}
      onSubmit={() => void api.call('attachments.update', { id: attachment.id, name }).then(onDone, reportError)}
    >
      <TextField
        id="attachment-new-name"
        label={t('attachments.newName')}
        value={name}
        maxLength={255}
        onChange={(e) => setName(e.target.value)}
      />
    </FormDialog>
  );
}
