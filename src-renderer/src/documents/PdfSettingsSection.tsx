import { useCallback } from 'react';
import { api } from '../api';
import { useToasts } from '../components/Toasts';
import { useLoaded } from '../components/use-loaded';
import { useT } from '../i18n/I18nProvider';

/** Settings: whether every letter gets a PDF beside it, and whether LibreOffice (which makes it) is installed. */
export function PdfSettingsSection() {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [settings, reload] = useLoaded(useCallback(() => api.call('documents.pdfSettings', {}), []));

  const setAlways = async (alwaysPdf: boolean) => {
    try {
      await api.call('documents.updatePdfSettings', { alwaysPdf });
      notify('success', t('settings.saved'));
      await reload();
    } catch (err) {
      reportError(err);
    }
  };

  return (
    <section className="card" aria-labelledby="pdf-settings-title">
      <h2 id="pdf-settings-title">{t('pdf.settingsTitle')}</h2>
      {settings === null ? null : (
        <>
          <label className="option">
            <input type="checkbox" checked={settings.alwaysPdf} onChange={(e) => void setAlways(e.target.checked)} />
            {t('pdf.always')}
          </label>
          {settings.available ? (
            <p>{t('pdf.found', { path: settings.soffice ?? '' })}</p>
          ) : (
            <p className="banner">{t('pdf.notInstalled')}</p>
          )}
        </>
      )}
    </section>
  );
}
