import { useCallback } from 'react';
import { api } from '../api';
import { useT } from '../i18n/I18nProvider';
import { useSettingForm } from '../settings/SettingsForm';

/** Settings: whether every letter gets a PDF beside it, and whether LibreOffice (which makes it) is installed. */
export function PdfSettingsSection() {
  const t = useT();
  // A checkbox saves as it is ticked, so there are no edits to hold.
  const { stored: settings, save } = useSettingForm(
    useCallback(() => api.call('documents.pdfSettings', {}), []),
    null,
  );

  return (
    <section className="card" aria-labelledby="pdf-settings-title">
      <h2 id="pdf-settings-title">{t('pdf.settingsTitle')}</h2>
      {settings === null ? null : (
        <>
          <label className="option">
            <input
              type="checkbox"
              checked={settings.alwaysPdf}
              onChange={(e) => {
                const alwaysPdf = e.target.checked;
                void save(() => api.call('documents.updatePdfSettings', { alwaysPdf }), 'settings.saved');
              }}
            />
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
