import { CalendarPlus } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { Company } from '../api/types';
import { companyPath, navigate } from '../app/navigation';
import type { RouteProps } from '../app/routes';
import { caseloadStore } from '../caseload/caseload-store';
import { CompanyFormDialog } from '../company-form/CompanyFormDialog';
import { RegisterBadges } from '../components/RegisterBadges';
import { StatusBadge } from '../components/StatusBadge';
import { Tabs } from '../components/Tabs';
import { showRefusal, useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { CloseCaseButton } from '../visits/CloseCaseButton';
import { COMPANY_TABS } from './company-tabs';
import { IndustryCode } from './IndustryCode';

export function CompanyPage({ params }: RouteProps) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const id = Number(params.id);
  const tab = COMPANY_TABS.find((x) => x.id === params.tab) ?? COMPANY_TABS[0];
  const [company, setCompany] = useState<Company | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [version, setVersion] = useState(0);

  const load = useCallback(() => {
    if (!Number.isInteger(id) || id <= 0) return setFailure(t('company.loadFailed'));
    api.call('companies.get', { id }).then(
      (c) => {
        setCompany(c);
        setFailure(null);
      },
      (err: unknown) => showRefusal(err, setFailure, reportError),
    );
  }, [id, t, reportError]);

  useEffect(load, [load]);

  const changed = (c: Company) => {
    setCompany(c);
    setVersion((v) => v + 1);
    caseloadStore.dataChanged();
  };

  if (failure) {
    return (
      <section className="page">
        <a className="back-link" href="#/companies">
          ← {t('app.backToCaseload')}
        </a>
        <div className="banner banner-error" role="alert">
          {failure}
        </div>
      </section>
    );
  }
  if (!company || !tab) return <p className="page muted">{t('common.loading')}</p>;

  const Tab = tab.component;
  const facts = [
    company.cvr ? `CVR ${company.cvr}` : t('company.noCvr'),
    company.kommune,
    [company.postcode, company.city].filter(Boolean).join(' ') || null,
  ].filter((x): x is string => Boolean(x));

  return (
    <section className="page page-company" aria-labelledby="company-title">
      <a className="back-link" href="#/companies">
        ← {t('nav.companies')}
      </a>
      <header className="company-head">
        <div className="company-head-main">
          <h1 id="company-title">{company.name}</h1>
          <p className="company-facts">
            {facts.map((f) => (
              <span key={f}>{f}</span>
            ))}
            {company.industryCode ? (
              <span>
                <IndustryCode code={company.industryCode} system={company.industrySystem} />
              </span>
            ) : null}
          </p>
        </div>
        <div className="company-head-side">
          <StatusBadge status={company.status} />
          <RegisterBadges company={company} />
          <span className="company-consultant">{company.consultant ?? t('company.noConsultant')}</span>
          <a
            className="btn btn-primary"
            href={`#/companies/${company.id}/visits/new`}
            aria-keyshortcuts="N"
            title={t('keys.newVisit')}
          >
            <CalendarPlus size={16} aria-hidden="true" />
            {t('visits.new')}
          </a>
          <button type="button" className="btn" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </button>
          <CloseCaseButton company={company} onClosed={changed} />
        </div>
      </header>
      <Tabs
        label={t('company.tabs')}
        idPrefix="company"
        tabs={COMPANY_TABS.map((x) => ({ id: x.id, label: t(x.labelKey) }))}
        active={tab.id}
        onChange={(next) => navigate(companyPath(company.id, next === COMPANY_TABS[0]?.id ? undefined : next))}
      />
      <div
        className="tab-panel"
        role="tabpanel"
        id={`company-panel-${tab.id}`}
        aria-labelledby={`company-tab-${tab.id}`}
      >
        <Tab key={version} company={company} reload={load} />
      </div>
      {editing ? (
        <CompanyFormDialog
          company={company}
          onClose={() => setEditing(false)}
          onCvrCorrected={changed}
          onSaved={(c) => {
            setEditing(false);
            notify('success', t('form.updated'));
            changed(c);
          }}
        />
      ) : null}
    </section>
  );
}
