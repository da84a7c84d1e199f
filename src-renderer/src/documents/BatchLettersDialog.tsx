import { useCallback, useEffect, useRef, useState } from 'react';
import { DOCUMENT_KINDS } from '../../../src-shared/codes/documents';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import { ApiCallError } from '../api/client';
import type { BatchPreflight, BatchResult, LetterKindRef } from '../api/types';
import { Dialog } from '../components/Dialog';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { useToasts } from '../components/Toasts';
import { useLoaded } from '../components/use-loaded';
import { useT } from '../i18n/I18nProvider';
import { formatCount } from '../lib/format';
import { openDocument } from './open-document';
import '../outreach/outreach.css';

interface Props {
  companyIds: number[];
  onClose(): void;
  /** Free letters with these words to every firm (an invitation to a network meeting); they may be changed. */
  letter?: { subject: string; text: string };
  /** Letters of the consultant's own kind about a network, to its members. */
  network?: { networkId: number; kind: LetterKindRef; kindName: string };
}

type Phase = 'check' | 'running' | 'done' | 'cancelled';

function folderOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i > 0 ? path.slice(0, i) : path;
}

/** Letters for the selected companies in one job: progress bar, cancel, and what was written. */
export function BatchLettersDialog({ companyIds, onClose, letter, network }: Props) {
  const t = useT();
  const { reportError } = useToasts();
  const [kind, setKind] = useState<LetterKindRef>(network?.kind ?? (letter ? 'brev' : 'vaeksthus'));
  // The consultant's own kinds batch beside the built-in ones; those about a network start from the network.
  const [ownKinds] = useLoaded(
    useCallback(() => api.call('letterKinds.list', {}).then((l) => l.filter((k) => k.subject !== 'network')), []),
  );
  const about = network ? { networkId: network.networkId } : {};
  const [words, setWords] = useState(letter ?? { subject: '', text: '' });
  const wordsGiven = !letter || (words.subject.trim() !== '' && words.text.trim() !== '');
  const [preflight, setPreflight] = useState<BatchPreflight | null>(null);
  const [phase, setPhase] = useState<Phase>('check');
  const [progress, setProgress] = useState({ done: 0, total: companyIds.length });
  const [result, setResult] = useState<BatchResult | null>(null);
  const [email, setEmail] = useState(false);
  const [pdfSettings] = useLoaded(useCallback(() => api.call('documents.pdfSettings', {}), []));
  const [pdf, setPdf] = useState<boolean | null>(null);
  const jobId = useRef<string | null>(null);

  useEffect(() => {
    setPreflight(null);
    // The words as first given: what is typed afterwards is checked by the start button, not per keystroke.
    api
      .call('documents.preflightBatch', {
        kind,
        companyIds,
        letter,
        ...(network ? { networkId: network.networkId } : {}),
      })
      .then(setPreflight, reportError);
  }, [kind, companyIds, letter, network, reportError]);

  useEffect(
    () =>
      api.onEvent((e) => {
        if (e.jobId === jobId.current) setProgress({ done: e.done, total: e.total });
      }),
    [],
  );

  const start = async () => {
    const id = `letters-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    jobId.current = id;
    setPhase('running');
    setProgress({ done: 0, total: preflight?.ready.length ?? companyIds.length });
    try {
      const r = await api.call(
        'documents.generateBatch',
        {
          kind,
          companyIds,
          skipIncomplete: true,
          email,
          pdf: pdf ?? undefined,
          ...about,
          ...(letter ? { letter: words } : {}),
        },
        { jobId: id },
      );
      setResult(r);
      setPhase('done');
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'cancelled') setPhase('cancelled');
      else {
        setPhase('check');
        reportError(err);
      }
    } finally {
      jobId.current = null;
    }
  };

  const cancel = () => {
    const id = jobId.current;
    if (id) api.call('jobs.cancel', { jobId: id }).catch(reportError);
  };

  const readyCount = preflight?.ready.length ?? 0;
  const pct = progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  const first = result?.documents[0];

  return (
    <Dialog
      title={
        network
          ? t('letterKind.network.make', { kind: network.kindName })
          : letter
            ? t('doc.invitation.title')
            : t('doc.batch.title', { count: formatCount(companyIds.length) })
      }
      size="large"
      onClose={phase === 'running' ? cancel : onClose}
      footer={
        phase === 'running' ? (
          <button type="button" className="btn" onClick={cancel}>
            {t('common.cancel')}
          </button>
        ) : phase === 'check' ? (
          <>
            <button type="button" className="btn" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={!readyCount || !wordsGiven}
              onClick={() => void start()}
            >
              {t('doc.batch.start', { count: formatCount(readyCount) })}
            </button>
          </>
        ) : (
          <button type="button" className="btn btn-primary" onClick={onClose}>
            {t('common.close')}
          </button>
        )
      }
    >
      {phase === 'check' ? (
        <>
          {letter ? <p>{t('doc.invitation.intro', { count: formatCount(companyIds.length) })}</p> : null}
          {letter ? (
            <div className="form-grid">
              <TextField
                id="batch-subject"
                label={t('doc.brev.subject')}
                wide
                required
                value={words.subject}
                onChange={(e) => setWords({ ...words, subject: e.target.value })}
              />
              <TextAreaField
                id="batch-text"
                label={t('doc.brev.text')}
                rows={10}
                required
                value={words.text}
                onChange={(e) => setWords({ ...words, text: e.target.value })}
              />
            </div>
          ) : network ? null : (
            <SelectField
              id="batch-kind"
              label={t('doc.batch.kind')}
              value={kind}
              onChange={(e) => setKind(e.target.value as LetterKindRef)}
            >
              {/* A free letter's words are typed for one firm at a time, in its own dialog. */}
              {DOCUMENT_KINDS.filter((k) => k !== 'brev').map((k) => (
                <option key={k} value={k}>
                  {t(labelKey.documentKind(k))}
                </option>
              ))}
              {(ownKinds ?? []).map((k) => (
                <option key={k.ref} value={k.ref}>
                  {k.name}
                </option>
              ))}
            </SelectField>
          )}
          <label className="option">
            <input type="checkbox" checked={email} onChange={(e) => setEmail(e.target.checked)} />
            {t('email.alsoDraft')}
          </label>
          {pdfSettings?.available ? (
            <label className="option">
              <input
                type="checkbox"
                checked={pdf ?? pdfSettings.alwaysPdf}
                onChange={(e) => setPdf(e.target.checked)}
              />
              {t('pdf.alsoPdf')}
            </label>
          ) : pdfSettings ? (
            <p className="muted">{t('pdf.notInstalled')}</p>
          ) : null}
          {preflight === null ? (
            <p className="muted">{t('doc.checking')}</p>
          ) : (
            <>
              <p>{t('doc.batch.ready', { count: formatCount(preflight.ready.length) })}</p>
              {preflight.blocked.length ? (
                <div className="banner banner-error" role="alert">
                  <p>{t('doc.batch.blocked', { count: formatCount(preflight.blocked.length) })}</p>
                  <ul className="preflight-list">
                    {preflight.blocked.slice(0, 50).map((b) => (
                      <li key={b.companyId}>
                        {b.companyName}: {b.missing.map((m) => m.message).join('; ')}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </>
          )}
        </>
      ) : null}
      {phase === 'running' ? (
        <div className="batch-progress">
          <progress max={progress.total || 1} value={progress.done} aria-label={t('doc.batch.progress')} />
          <p aria-live="polite">
            {t('doc.batch.progressText', { done: formatCount(progress.done), total: formatCount(progress.total) })} (
            {pct} %)
          </p>
        </div>
      ) : null}
      {phase === 'cancelled' ? <p role="status">{t('doc.batch.cancelled')}</p> : null}
      {phase === 'done' && result ? (
        <div role="status" className="batch-result">
          <p>{t('doc.batch.done', { count: formatCount(result.documents.length) })}</p>
          {first ? (
            <p>
              {t('doc.batch.folder')}: <code>{folderOf(first.path)}</code>
            </p>
          ) : null}
          {result.pdfProblem ? <p>{result.pdfProblem}</p> : null}
          {result.skipped.length ? (
            <p>{t('doc.batch.skipped', { count: formatCount(result.skipped.length) })}</p>
          ) : null}
          {first && api.transport === 'electron' ? (
            <button type="button" className="btn btn-small" onClick={() => openDocument(first.path).catch(reportError)}>
              {t('doc.open')}
            </button>
          ) : null}
        </div>
      ) : null}
    </Dialog>
  );
}
