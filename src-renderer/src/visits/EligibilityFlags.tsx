import type { Company } from '../api/types';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { useKommuner } from '../lib/use-reference';

type Flag = 'yes' | 'no' | 'unknown';

/** Eligibility is flagged, never enforced (docs/domain.md): a note for the consultant, not a gate. */
export function EligibilityFlags({ company }: { company: Company }) {
  const t = useT();
  const { reportError } = useToasts();
  const kommuner = useKommuner(reportError);
  const kommune = kommuner.find((k) => k.code === company.kommuneCode);
  const small: Flag = company.employees === null ? 'unknown' : company.employees < 10 ? 'yes' : 'no';
  const participating: Flag = !kommune ? 'unknown' : kommune.participating ? 'yes' : 'no';
  const flags = [
    { id: 'small', label: t('eligibility.small'), value: small },
    { id: 'kommune', label: t('eligibility.kommune'), value: participating },
  ];
  return (
    <section className="card eligibility" aria-labelledby="eligibility-title">
      <h2 id="eligibility-title">{t('eligibility.title')}</h2>
      <ul className="eligibility-list">
        {flags.map((f) => (
          <li key={f.id} className={`eligibility-flag flag-${f.value}`}>
            <span className="eligibility-mark" aria-hidden="true">
              {f.value === 'yes' ? '✓' : f.value === 'no' ? '!' : '?'}
            </span>
            <span>{f.label}</span>
            <span className="eligibility-value">{t(`eligibility.${f.value}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
