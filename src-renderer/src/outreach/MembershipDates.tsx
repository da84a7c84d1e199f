import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';

/** "indtrådt <dato>", and " · udtrådt <dato>" once the member has left: a membership's period. */
export function MembershipDates({ joinedOn, leftOn }: { joinedOn: string; leftOn: string | null }) {
  const t = useT();
  return (
    <span className="muted">
      {t('net.joined', { date: formatDate(joinedOn) })}
      {leftOn ? ` · ${t('net.left', { date: formatDate(leftOn) })}` : ''}
    </span>
  );
}
