import type { CompanyStatus } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import { STATUS_KEYS } from '../lib/labels';

export function StatusBadge({ status }: { status: CompanyStatus }) {
  const t = useT();
  return <span className={`status-badge status-${status}`}>{t(STATUS_KEYS[status])}</span>;
}
