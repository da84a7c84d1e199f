import type { Company } from '../api/types';
import { useT } from '../i18n/I18nProvider';

/**
 * What the CVR register says of a firm that changes how it is approached: protected against
 * advertising, ceased. Nothing while unknown (a firm the register has not been read for).
 */
export function RegisterBadges({ company }: { company: Pick<Company, 'reklamebeskyttet' | 'ceased'> }) {
  const t = useT();
  return (
    <>
      {company.reklamebeskyttet ? (
        <span className="status-badge register-protected" title={t('company.badge.reklamebeskyttetHint')}>
          {t('company.badge.reklamebeskyttet')}
        </span>
      ) : null}
      {company.ceased ? (
        <span className="status-badge register-ceased" title={t('company.badge.ceasedHint')}>
          {t('company.badge.ceased')}
        </span>
      ) : null}
    </>
  );
}
