import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { BackupInfo, BackupList } from '../api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DocTable } from '../components/DocTable';
import { useBusyAction } from '../components/form-binding';
import { LoadedList, RowButton } from '../components/RecordList';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { formatCount, formatDateTime } from '../lib/format';

/** Backups: the list, one made now, and a restore that asks first (it replaces today's data). */
export function BackupsSection() {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [list, setList] = useState<BackupList | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [busy, whileBusy] = useBusyAction();

  const load = useCallback(() => api.call('backups.list', {}).then(setList, reportError), [reportError]);
  useEffect(() => {
    void load();
  }, [load]);

  const makeNow = () =>
    whileBusy(async () => {
      const b = await api.call('backups.create', {});
      notify('success', t('settings.backup.made', { name: b.name }));
      await load();
    });

  return (
    <section className="card" aria-labelledby="set-backups-title">
      <div className="card-head">
        <h2 id="set-backups-title">{t('settings.backups')}</h2>
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => void makeNow()}>
          {t('settings.backup.makeNow')}
        </button>
      </div>
      {list ? (
        <p className="muted">
          {t('settings.backup.folder', { folder: list.folder })}{' '}
          {t('settings.backup.rule', { daily: list.keepDaily, weekly: list.keepWeekly, weeks: list.maxAgeWeeks })}
        </p>
      ) : null}
      <LoadedList items={list?.backups ?? null} emptyText={t('settings.backup.none')}>
        {(backups) => (
          <DocTable
            rows={backups}
            rowKey={(b) => b.name}
            columns={[
              { key: 'when', header: t('settings.backup.when'), cell: (b) => formatDateTime(b.createdAt) },
              { key: 'file', header: t('settings.backup.file'), cellClass: 'doc-file', cell: (b) => b.name },
              {
                key: 'size',
                header: t('settings.backup.size'),
                headerClass: 'numeric',
                cellClass: 'numeric',
                cell: (b) => `${formatCount(Math.ceil(b.sizeBytes / 1024))} kB`,
              },
            ]}
            actions={(b) => <RowButton text={t('settings.backup.restore')} quiet onClick={() => setRestoring(b)} />}
          />
        )}
      </LoadedList>
      {restoring ? (
        <ConfirmDialog
          text={t('settings.backup.restoreConfirm', { when: formatDateTime(restoring.createdAt) })}
          confirmLabel={t('settings.backup.restore')}
          danger
          onClose={() => setRestoring(null)}
          onConfirm={async () => {
            try {
              const r = await api.call('backups.restore', { name: restoring.name });
              setRestoring(null);
              notify('success', t('settings.backup.restored', { count: formatCount(r.companyCount) }));
              await load();
            } catch (err) {
              reportError(err);
            }
          }}
        />
      ) : null}
    </section>
  );
}
