import { useEffect, useState } from 'react';
import { api } from '../api';
import type { Attachment, GeneratedDocument } from '../api/types';
import { FormDialog } from '../components/FormDialog';
import { useFormSave } from '../components/form-binding';
import { Choice } from '../components/form-choice';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { openDocument } from './open-document';

interface Props {
  doc: GeneratedDocument;
  onClose(): void;
}

/**
 * "Send som e-mail": the consultant ticks which of the firm's attachments go with the letter; the
 * draft is written beside the letter and opened in the mail program (downloaded in browser mode).
 */
export function EmailDialog({ doc, onClose }: Props) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [attachments, setAttachments] = useState<Attachment[] | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const { busy, save } = useFormSave();

  useEffect(() => {
    api.call('attachments.list', { companyId: doc.companyId }).then(setAttachments, reportError);
  }, [doc.companyId, reportError]);

  const toggle = (id: number) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const write = () =>
    save(async () => {
      const draft = await api.call('documents.emailDraft', { id: doc.id, attachmentIds: [...chosen] });
      notify('success', t('email.written', { file: draft.fileName }));
      if (draft.to === null) notify('info', t('email.noRecipient'));
      await openDocument(draft.path);
      onClose();
    });

  return (
    <FormDialog
      title={t('email.dialogTitle')}
      busy={busy}
      submitLabel={t('email.write')}
      busyLabel={t('email.writing')}
      onClose={onClose}
      onSubmit={write}
    >
      <p>{t(api.transport === 'electron' ? 'email.intro' : 'email.introBrowser', { file: doc.fileName })}</p>
      <fieldset className="fieldset">
        <legend>{t('email.chooseAttachments')}</legend>
        {attachments === null ? null : attachments.length === 0 ? (
          <p className="muted">{t('email.noAttachments')}</p>
        ) : (
          attachments.map((a) => (
            <Choice key={a.id} checked={chosen.has(a.id)} disabled={a.missing} onChange={() => toggle(a.id)}>
              {a.name}
              {a.missing ? <span className="tag">{t('email.attachmentMissingTag')}</span> : null}
            </Choice>
          ))
        )}
      </fieldset>
    </FormDialog>
  );
}
