import type { ImportResult } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import { formatCount } from '../lib/format';

/** Step 4: what the one transaction saved, and the way back to the caseload. */
export function ImportDone({ result, onAnother }: { result: ImportResult; onAnother(): void }) {
  const t = useT();
  const { totals } = result;
  return (
    <section className="card interop-step" role="status" aria-labelledby="import-done-title">
      <h2 id="import-done-title">{t('import.done.title')}</h2>
      <p>
        {t('import.done.summary', {
          added: formatCount(totals.add),
          updated: formatCount(totals.update),
          unchanged: formatCount(totals.unchanged + totals.keptLocal),
          skipped: formatCount(totals.invalid + totals.duplicate + totals.skipped),
        })}
      </p>
      <div className="interop-actions">
        <a className="btn btn-primary" href="#/companies">
          {t('import.done.toCaseload')}
        </a>
        <button type="button" className="btn" onClick={onAnother}>
          {t('import.done.another')}
        </button>
      </div>
    </section>
  );
}
