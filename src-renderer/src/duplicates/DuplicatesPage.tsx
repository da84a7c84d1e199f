import { useCallback, useState } from 'react';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { DuplicatePair } from '../api/types';
import { companyPath } from '../app/navigation';
import type { RouteProps } from '../app/routes';
import { LoadedList } from '../components/RecordList';
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
            <table className="doc-table">
              <thead>
                <tr>
                  <th scope="col">{t('duplicates.keepHeading')}</th>
                  <th scope="col">{t('duplicates.mergeHeading')}</th>
                  <th scope="col">{t('duplicates.why')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('duplicates.mergeButton')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={`${p.keepId}:${p.mergeId}`}>
                    <td>
                      <a href={`#${companyPath(p.keepId)}`}>{p.keepName}</a>
                      <div className="muted">{[p.keepCvr, p.keepPlace].filter(Boolean).join(' · ')}</div>
                    </td>
                    <td>
                      <a href={`#${companyPath(p.mergeId)}`}>{p.mergeName}</a>
                      <div className="muted">{[p.mergeCvr, p.mergePlace].filter(Boolean).join(' · ')}</div>
                    </td>
                    <td>{p.reasons.map((r) => t(labelKey.duplicateReason(r))).join('; ')}</td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={`${t('duplicates.mergeButton')} ${t('duplicates.pair', { keep: p.keepName, merge: p.mergeName })}`}
                        onClick={() => setMerging(p)}
                      >
                        {t('duplicates.mergeButton')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
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
