import { useCallback, useEffect, useState } from 'react';
import { DOCUMENT_KINDS } from '../../../src-shared/codes/documents';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { DocumentKind, GeneratedDocument, LetterKindRef } from '../api/types';
import type { CompanyTabProps } from '../company/company-tabs';
import { DocTable } from '../components/DocTable';
import { LoadedList, RowButton } from '../components/RecordList';
import { useToasts } from '../components/Toasts';
import { useLoaded } from '../components/use-loaded';
import { useT } from '../i18n/I18nProvider';
import { formatDate, formatDateTime } from '../lib/format';
import { EmailDialog } from './EmailDialog';
import { GenerateDialog } from './GenerateDialog';
import { openDocument } from './open-document';
import '../outreach/outreach.css';

/** "Dokumenter": make a letter of any kind (a free letter too), and the list of what was written. */
export function DocumentsTab({ company }: CompanyTabProps) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [docs, setDocs] = useState<GeneratedDocument[] | null>(null);
  const [kind, setKind] = useState<{ ref: LetterKindRef; name?: string } | null>(null);
  // The consultant's own kinds about a network are written from the network, to all its members.
  const [ownKinds] = useLoaded(
    useCallback(() => api.call('letterKinds.list', {}).then((l) => l.filter((k) => k.subject !== 'network')), []),
  );
  const [emailing, setEmailing] = useState<GeneratedDocument | null>(null);
  const [pdfBusy, setPdfBusy] = useState<number | null>(null);
  const [pdfSettings] = useLoaded(useCallback(() => api.call('documents.pdfSettings', {}), []));

  const makePdf = async (doc: GeneratedDocument) => {
    setPdfBusy(doc.id);
    try {
      const r = await api.call('documents.pdf', { ids: [doc.id] });
      const file = r.files[0]?.path;
      if (file) {
        notify('success', t('pdf.written', { file: file.split(/[\\/]/).pop() ?? file }));
        await openDocument(file);
      }
    } catch (err) {
      reportError(err);
    } finally {
      setPdfBusy(null);
    }
  };

  const load = useCallback(
    () => api.call('documents.list', { companyId: company.id }).then(setDocs, reportError),
    [company.id, reportError],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const written = (doc: GeneratedDocument) => {
    notify(
      'success',
      doc.takenName
        ? t('file.writtenBesideTaken', { file: doc.fileName, taken: doc.takenName })
        : t('doc.written', { file: doc.fileName }),
    );
    if (doc.pdfProblem) notify('info', doc.pdfProblem);
    void load();
  };

  return (
    <div className="outreach">
      <section className="card" aria-labelledby="doc-make-title">
        <h2 id="doc-make-title">{t('doc.makeTitle')}</h2>
        <div className="record-actions">
          {DOCUMENT_KINDS.map((k) => (
            <button key={k} type="button" className="btn" onClick={() => setKind({ ref: k })}>
              {t('doc.make', { kind: t(labelKey.documentKind(k)) })}
            </button>
          ))}
          {(ownKinds ?? []).map((k) => (
            <button key={k.ref} type="button" className="btn" onClick={() => setKind({ ref: k.ref, name: k.name })}>
              {t('doc.make', { kind: k.name })}
            </button>
          ))}
        </div>
      </section>
      <section className="card" aria-labelledby="doc-list-title">
        <h2 id="doc-list-title">{t('doc.listTitle')}</h2>
        {pdfSettings && !pdfSettings.available ? <p className="muted">{t('pdf.notInstalled')}</p> : null}
        <LoadedList items={docs} emptyText={t('doc.empty')}>
          {(items) => (
            <DocTable
              rows={items}
              rowKey={(d) => d.id}
              columns={[
                {
                  key: 'date',
                  header: t('doc.col.date'),
                  title: (d) => formatDateTime(d.createdAt),
                  cell: (d) => formatDate(d.letterDate),
                },
                {
                  key: 'kind',
                  header: t('doc.col.kind'),
                  cell: (d) => d.kindName ?? t(labelKey.documentKind(d.kind as DocumentKind)),
                },
                {
                  key: 'file',
                  header: t('doc.col.file'),
                  cellClass: 'doc-file',
                  title: (d) => d.path,
                  cell: (d) => (
                    <>
                      {d.fileName}
                      {d.exists ? null : <span className="tag">{t('doc.moved')}</span>}
                    </>
                  ),
                },
              ]}
              actions={(d) => (
                <>
                  <RowButton
                    text={t('doc.open')}
                    disabled={!d.exists}
                    onClick={() => openDocument(d.path).catch(reportError)}
                  />
                  <RowButton text={t('email.send')} disabled={!d.exists} onClick={() => setEmailing(d)} />
                  {pdfSettings?.available ? (
                    <RowButton
                      text={pdfBusy === d.id ? t('pdf.making') : t('pdf.make')}
                      disabled={!d.exists || pdfBusy !== null}
                      onClick={() => void makePdf(d)}
                    />
                  ) : null}
                  {d.kind === 'brev' || d.kindSubject === 'network' ? null : (
                    // A free letter's words are only in its file, and a letter to a network's members is
                    // written again from the network: there is nothing here to make it again from.
                    <RowButton
                      text={t('doc.regenerate')}
                      quiet
                      onClick={() => api.call('documents.regenerate', { id: d.id }).then(written, reportError)}
                    />
                  )}
                </>
              )}
            />
          )}
        </LoadedList>
      </section>
      {kind ? (
        <GenerateDialog
          companyId={company.id}
          kind={kind.ref}
          kindName={kind.name}
          onClose={() => setKind(null)}
          onGenerated={(doc) => {
            setKind(null);
            written(doc);
          }}
        />
      ) : null}
      {emailing ? <EmailDialog doc={emailing} onClose={() => setEmailing(null)} /> : null}
    </div>
  );
}
