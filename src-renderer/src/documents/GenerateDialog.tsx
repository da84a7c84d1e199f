import { useEffect, useState } from 'react';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { DocumentKind, GeneratedDocument, Preflight } from '../api/types';
import { Dialog } from '../components/Dialog';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';

interface Props {
  companyId: number;
  kind: DocumentKind;
  onClose(): void;
  onGenerated(doc: GeneratedDocument): void;
}

/** What the letterhead in Settings fixes: the dialog links there instead of naming the menu path. */
const LETTERHEAD_ISSUES: ReadonlySet<string> = new Set(['doc.missing.letterhead', 'doc.missing.signature']);

/** Checks first (preflight) and says what is missing; generates only when nothing blocks it. */
export function GenerateDialog({ companyId, kind, onClose, onGenerated }: Props) {
  const t = useT();
  const { reportError } = useToasts();
  const [preflight, setPreflight] = useState<Preflight | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.call('documents.preflight', { kind, companyId }).then(setPreflight, reportError);
  }, [kind, companyId, reportError]);

  const generate = async () => {
    setBusy(true);
    try {
      onGenerated(await api.call('documents.generate', { kind, companyId }));
    } catch (err) {
      reportError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('doc.generateTitle', { kind: t(labelKey.documentKind(kind)) })}
      onClose={onClose}
      onSubmit={preflight?.ready ? generate : undefined}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {preflight?.ready ? (
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t('doc.generating') : t('doc.generate')}
            </button>
          ) : null}
        </>
      }
    >
      {preflight === null ? (
        <p className="muted">{t('doc.checking')}</p>
      ) : (
        <>
          {preflight.missing.length ? (
            <div className="banner banner-error" role="alert">
              <p>{t('doc.missingIntro')}</p>
              <ul className="preflight-list">
                {preflight.missing.map((m) => (
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
          ) : (
            <p>{t('doc.ready')}</p>
          )}
          {preflight.warnings.length ? (
            <div className="banner">
              <p>{t('doc.warningsIntro')}</p>
              <ul className="preflight-list">
                {preflight.warnings.map((m) => (
                  <li key={m.code}>{m.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      )}
    </Dialog>
  );
}
