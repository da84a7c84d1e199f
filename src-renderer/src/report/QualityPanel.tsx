import { QUALITY_KEYS } from '../../../src-shared/codes/report';
import { labelKey } from '../../../src-shared/messages/code-labels';
import type { ProgrammeReport, QualityKey } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import { formatCount } from '../lib/format';

export function QualityPanel({ report, onOpen }: { report: ProgrammeReport; onOpen: (key: QualityKey) => void }) {
  const t = useT();
  return (
    <section className="report-panel" aria-labelledby="quality-title">
      <h2 id="quality-title">{t('report.quality.title')}</h2>
      <p className="muted">{t('report.quality.intro')}</p>
      <ul className="quality-list">
        {QUALITY_KEYS.map((k) => (
          <li key={k}>
            <button type="button" className="btn-link" disabled={report.quality[k] === 0} onClick={() => onOpen(k)}>
              <strong>{formatCount(report.quality[k])}</strong> {t(labelKey.quality(k))}
            </button>
          </li>
        ))}
      </ul>
      <a href="#/duplicates">{t('duplicates.link')}</a>
    </section>
  );
}
