import { useEffect, useState } from 'react';
import { api } from '../api';
import type { UpdateStatus } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { openFormCount, subscribeOpenForms } from '../lib/open-forms';

// The main process looks every few hours; asking it now and then is enough to show what it found.
const ASK_EVERY_MS = 10 * 60 * 1000;

/**
 * A downloaded update, with what changed, above every page; it is installed when the consultant
 * quits, and the banner says when an unsaved form holds it back. Each answer also tells the main
 * process how many forms are open, so the install at quit never loses one.
 */
export function UpdateBanner() {
  const { t } = useI18n();
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [hidden, setHidden] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    const ask = () => {
      api.call('updates.status', { openForms: openFormCount() }).then(
        (s) => alive && setStatus(s),
        () => {},
      );
    };
    ask();
    const timer = window.setInterval(ask, ASK_EVERY_MS);
    const unsubscribe = subscribeOpenForms(ask);
    return () => {
      alive = false;
      window.clearInterval(timer);
      unsubscribe();
    };
  }, []);

  if (!status) return null;
  if (status.state === 'failed' && status.message && hidden !== status.message) {
    const text = status.message;
    return (
      <div className="banner" role="status" data-testid="update-banner">
        <strong>{t('update.failedTitle')}</strong> {text}{' '}
        <button type="button" className="btn" onClick={() => setHidden(text)}>
          {t('update.dismiss')}
        </button>
      </div>
    );
  }
  if (status.state !== 'downloaded' || !status.version) return null;
  return (
    <div className="banner" role="status" data-testid="update-banner">
      <strong>{t('update.ready', { version: status.version })}</strong>
      {status.installsOnQuit ? null : <p>{t('update.waiting')}</p>}
      {status.notes ? (
        <details>
          <summary>{t('update.notes')}</summary>
          <p className="update-notes">{status.notes}</p>
        </details>
      ) : null}
    </div>
  );
}
