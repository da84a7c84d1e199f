import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import { formatCount, formatDate, formatDateTime } from '../lib/format';
import { legalFormKey } from '../lib/labels';
import { TagEditor } from '../tags/TagEditor';
import { EligibilityFlags } from '../visits/EligibilityFlags';
import { ContactsList } from './ContactsList';
import type { CompanyTabProps } from './company-tabs';
import { IndustryCode } from './IndustryCode';
import { NextStrip } from './NextStrip';

export function OverviewTab({ company: c, reload }: CompanyTabProps) {
  const t = useT();
  const legal = legalFormKey(c.legalForm);
  const rows: Array<[string, ReactNode]> = [
    [t('field.cvr'), c.cvr ?? t('company.unregistered')],
    [t('field.pNumber'), c.pNumber],
    [t('field.legalForm'), legal ? t(legal) : null],
    [
      t('field.industryCode'),
      c.industryCode ? (
        <>
          <IndustryCode code={c.industryCode} system={c.industrySystem} />{' '}
          <span className="muted">({c.industrySystem})</span>
        </>
      ) : null,
    ],
    [t('field.employees'), c.employees === null ? null : formatCount(c.employees)],
    [t('field.founded'), formatDate(c.founded)],
    [t('field.address'), [c.address, [c.postcode, c.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')],
    [t('field.kommuneCode'), c.kommune],
    [t('field.phone'), c.phone],
    [
      t('field.email'),
      c.email ? (
        <a key="email" href={`mailto:${c.email}`}>
          {c.email}
        </a>
      ) : null,
    ],
    [t('field.website'), c.website],
    [t('field.consultantId'), c.consultant],
    [t('company.created'), formatDateTime(c.createdAt)],
    [t('company.updated'), formatDateTime(c.updatedAt)],
  ];
  return (
    <div className="overview">
      <NextStrip company={c} />
      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">{t('company.details')}</h2>
        <dl className="facts">
          {rows.map(([label, value]) => (
            <div key={label} className="fact">
              <dt>{label}</dt>
              <dd>{value === null || value === '' ? <span className="muted">{t('common.none')}</span> : value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <TagEditor companyId={c.id} tags={c.tags} onChanged={reload} />
      <EligibilityFlags company={c} />
      <ContactsList companyId={c.id} onChanged={reload} />
    </div>
  );
}
