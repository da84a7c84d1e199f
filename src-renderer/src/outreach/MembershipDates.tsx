import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';

/** A membership's period: when the firm joined, and when it left once it has. */
export function MembershipDates({ joinedOn, leftOn }: { joinedOn: string; leftOn: string | null }) {
  const t = useT();
  return (
    <span className="muted">
      {t('network.joined', { date: formatDate(joinedOn) })}
      {leftOn ? ` · ${t('network.left', { date: formatDate(leftOn) })}` : ''}
    </span>
  );
}
