import type { ProgrammeReport, QualityKey } from '../../../src-main/api/contract';
import { useT } from '../i18n/I18nProvider';
import { formatCount } from '../lib/format';

const QUALITY_ORDER: readonly QualityKey[] = ['without_cvr', 'duplicate_names', 'ineligible', 'contact_without_visit'];

export function QualityPanel({ report, onOpen }: { report: ProgrammeReport; onOpen: (key: QualityKey) => void }) {
  const t = useT();
  return (
    <section className="report-panel" aria-labelledby="quality-title">
      <h2 id="quality-title">{t('report.quality.title')}</h2>
      <p className="muted">{t('report.quality.intro')}</p>
      <ul className="quality-list">
        {QUALITY_ORDER.map((k) => (
          <li key={k}>
            <button type="button" className="btn-link" disabled={report.quality[k] === 0} onClick={() => onOpen(k)}>
              <strong>{formatCount(report.quality[k])}</strong> {t(`report.quality.${k}`)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
