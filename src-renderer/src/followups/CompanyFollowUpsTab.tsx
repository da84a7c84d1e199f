import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { FollowUpPage } from '../api/types';
import { caseloadStore } from '../caseload/caseload-store';
import type { CompanyTabProps } from '../company/company-tabs';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { FollowUpGroups } from './FollowUpGroups';

/** The company page's "Opfølgninger": everyone's follow-ups for this firm, done ones included. */
export function CompanyFollowUpsTab({ company }: CompanyTabProps) {
  const t = useT();
  const { reportError } = useToasts();
  const [page, setPage] = useState<FollowUpPage | null>(null);
  const load = useCallback(() => {
    api
      .call('followups.list', { scope: 'all', filter: 'all', companyId: company.id, limit: 500 })
      .then(setPage, reportError);
  }, [company.id, reportError]);
  useEffect(load, [load]);

  if (!page) return <p className="muted">{t('common.loading')}</p>;
  if (page.rows.length === 0) return <p className="muted">{t('followups.emptyCompany')}</p>;
  return (
    <FollowUpGroups
      rows={page.rows}
      today={page.today}
      showCompany={false}
      onChanged={(f) => {
        setPage((p) => p && { ...p, rows: p.rows.map((r) => (r.id === f.id ? f : r)) });
        caseloadStore.dataChanged();
      }}
    />
  );
}
