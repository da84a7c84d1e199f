import { useEffect, useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n/I18nProvider';

/**
 * The database sits in a folder OneDrive, Dropbox, Google Drive or iCloud syncs, or on a network
 * drive: said from the moment the window opens, above every page (Settings included), with the safe
 * place to move it to.
 */
export function StorageWarning() {
  const { t } = useI18n();
  const [warning, setWarning] = useState<string | null>(null);
  useEffect(() => {
    api.call('app.info', {}).then(
      (info) => setWarning(info.storageWarning),
      () => setWarning(null),
    );
  }, []);
  if (!warning) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="storage-warning">
      <strong>{t('storage.title')}</strong> {warning}
    </div>
  );
}
