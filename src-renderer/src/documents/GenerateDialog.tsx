import { useEffect, useState } from 'react';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { DocumentKind, GeneratedDocument, LetterKindRef, Preflight } from '../api/types';
import { TextAreaField, TextField } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { useFormSave, useFormValues } from '../components/form-binding';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';

interface Props {
  companyId: number;
  kind: LetterKindRef;
  /** The consultant's name for one of their own kinds. */
  kindName?: string | undefined;
  onClose(): void;
  onGenerated(doc: GeneratedDocument): void;
  /** A free letter's words to start from (an introduction to a knowledge institution). */
  initial?: Partial<Words>;
}

/** What the letterhead in Settings fixes: the dialog links there instead of naming the menu path. */
const LETTERHEAD_ISSUES: ReadonlySet<string> = new Set(['doc.missing.letterhead', 'doc.missing.signature']);

/** A free letter's issues about what is typed in this dialog: the form shows those, not the preflight. */
const TYPED_ISSUES: ReadonlySet<string> = new Set([
  'doc.missing.subject',
  'doc.missing.body',
  'doc.missing.recipientAddress',
]);

interface Words {
  subject: string;
  text: string;
  recipientName: string;
  recipientAddress: string;
}

const NO_WORDS: Words = { subject: '', text: '', recipientName: '', recipientAddress: '' };

/** Checks first (preflight) and says what is missing; generates only when nothing blocks it. */
export function GenerateDialog({ companyId, kind, kindName, onClose, onGenerated, initial }: Props) {
  const t = useT();
  const { reportError } = useToasts();
  const [preflight, setPreflight] = useState<Preflight | null>(null);
  const { busy, save } = useFormSave();
  const free = kind === 'brev';
  const { values: words, bind } = useFormValues<Words>({ ...NO_WORDS, ...initial });
  const [tried, setTried] = useState(false);

  useEffect(() => {
    api.call('documents.preflight', { kind, companyId }).then(setPreflight, reportError);
  }, [kind, companyId, reportError]);

  const missing = preflight?.missing.filter((m) => !free || !TYPED_ISSUES.has(m.code)) ?? [];
  const warnings = preflight?.warnings.filter((m) => !free || !TYPED_ISSUES.has(m.code)) ?? [];
  const ready = preflight !== null && missing.length === 0;
  const subjectError = free && tried && !words.subject.trim() ? t('doc.missing.subject') : undefined;
  const textError = free && tried && !words.text.trim() ? t('doc.missing.body') : undefined;

  const generate = async () => {
    if (free && (!words.subject.trim() || !words.text.trim())) {
      setTried(true);
      return;
    }
    await save(async () =>
      onGenerated(await api.call('documents.generate', { kind, companyId, ...(free ? { letter: words } : {}) })),
    );
  };

  return (
    <FormDialog
      title={t('doc.generateTitle', { kind: kindName ?? t(labelKey.documentKind(kind as DocumentKind)) })}
      size={free ? 'large' : 'small'}
      busy={busy}
      submitLabel={t('doc.generate')}
      busyLabel={t('doc.generating')}
      onClose={onClose}
      onSubmit={ready ? generate : undefined}
    >
      {preflight === null ? (
        <p className="muted">{t('doc.checking')}</p>
      ) : (
        <>
          {missing.length ? (
            <div className="banner banner-error" role="alert">
              <p>{t('doc.missingIntro')}</p>
              <ul className="preflight-list">
                {missing.map((m) => (
                  <li key={m.code}>
                    {m.message}
                    {LETTERHEAD_ISSUES.has(m.code) ? (
                      <>
                        {' '}
                        <a href="#/settings/letterhead">{t('doc.openLetterhead')}</a>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : free ? null : (
            <p>{t('doc.ready')}</p>
          )}
          {warnings.length ? (
            <div className="banner">
              <p>{t('doc.warningsIntro')}</p>
              <ul className="preflight-list">
                {warnings.map((m) => (
                  <li key={m.code}>{m.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {free && ready ? (
            <div className="form-grid">
              <TextField
                id="brev-to"
                label={t('doc.brev.recipientName')}
                hint={t('doc.brev.recipientNameHint', { company: preflight.companyName })}
                {...bind('recipientName')}
              />
              <TextField
                id="brev-address"
                label={t('doc.brev.recipientAddress')}
                hint={t('doc.brev.recipientAddressHint')}
                {...bind('recipientAddress')}
              />
              <TextField
                id="brev-subject"
                label={t('doc.brev.subject')}
                wide
                required
                error={subjectError}
                {...bind('subject')}
              />
              <TextAreaField
                id="brev-text"
                label={t('doc.brev.text')}
                rows={12}
                required
                error={textError}
                {...bind('text')}
              />
            </div>
          ) : null}
        </>
      )}
    </FormDialog>
  );
}
