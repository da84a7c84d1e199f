import { useCallback, useState } from 'react';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { DuplicatePair } from '../api/types';
import { companyPath } from '../app/navigation';
import type { RouteProps } from '../app/routes';
import { LoadedList } from '../components/RecordList';
import { ColumnTable } from '../components/table-columns';
import { useLoaded } from '../components/use-loaded';
import { useT } from '../i18n/I18nProvider';
import { formatCount } from '../lib/format';
import { MergeDialog } from './MergeDialog';

/** `#/duplicates`: firms that may be one firm recorded twice, each pair a merge away from one. */
export function DuplicatesPage(_: RouteProps) {
  const t = useT();
  const [pairs, load] = useLoaded(useCallback(() => api.call('companies.duplicates', {}), []));
  const [merging, setMerging] = useState<DuplicatePair | null>(null);

  return (
    <section className="page" aria-labelledby="duplicates-title">
      <div className="page-head">
        <h1 id="duplicates-title">{t('duplicates.title')}</h1>
      </div>
      <p className="muted">{t('duplicates.intro')}</p>
      <LoadedList items={pairs} emptyText={t('duplicates.empty')}>
        {(items) => (
          <>
            <p>{t('duplicates.count', { count: formatCount(items.length) })}</p>
            <ColumnTable
              className="doc-table"
              rows={items}
              rowKey={(p) => `${p.keepId}:${p.mergeId}`}
              columns={[
                {
                  key: 'keep',
                  header: t('duplicates.keepHeading'),
                  cell: (p) => <FirmCell id={p.keepId} name={p.keepName} cvr={p.keepCvr} place={p.keepPlace} />,
                },
                {
                  key: 'merge',
                  header: t('duplicates.mergeHeading'),
                  cell: (p) => <FirmCell id={p.mergeId} name={p.mergeName} cvr={p.mergeCvr} place={p.mergePlace} />,
                },
                {
                  key: 'why',
                  header: t('duplicates.why'),
                  cell: (p) => p.reasons.map((r) => t(labelKey.duplicateReason(r))).join('; '),
                },
                {
                  key: 'action',
                  header: <span className="sr-only">{t('duplicates.mergeButton')}</span>,
                  cell: (p) => (
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={`${t('duplicates.mergeButton')} ${t('duplicates.pair', { keep: p.keepName, merge: p.mergeName })}`}
                      onClick={() => setMerging(p)}
                    >
                      {t('duplicates.mergeButton')}
                    </button>
                  ),
                },
              ]}
            />
          </>
        )}
      </LoadedList>
      {merging ? (
        <MergeDialog
          keepId={merging.keepId}
          mergeId={merging.mergeId}
          onClose={() => setMerging(null)}
          onMerged={() => {
            setMerging(null);
            load();
          }}
        />
      ) : null}
    </section>
  );
}

/** One firm of a pair: its name to open it by, then what tells it apart. */
function FirmCell({ id, name, cvr, place }: { id: number; name: string; cvr: string | null; place: string | null }) {
  return (
    <>
      <a href={`#${companyPath(id)}`}>{name}</a>
      <div className="muted">{[cvr, place].filter(Boolean).join(' · ')}</div>
    </>
  );
}
