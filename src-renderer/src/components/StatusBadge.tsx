import { labelKey } from '../../../src-shared/messages/code-labels';
import type { CompanyStatus } from '../api/types';
import { useT } from '../i18n/I18nProvider';

export function StatusBadge({ status }: { status: CompanyStatus }) {
  const t = useT();
  return <span className={`status-badge status-${status}`}>{t(labelKey.companyStatus(status))}</span>;
}
