import { useCallback } from 'react';
import { api } from '../api';
import { LoadedList } from '../components/RecordList';
import { SectionCard } from '../components/SectionCard';
import { useLoaded } from '../components/use-loaded';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';

/** The networks the firm is or was a member of; members are managed on the Netværk page. */
export function MembershipsSection({ companyId }: { companyId: number }) {
  const t = useT();
  const [list] = useLoaded(useCallback(() => api.call('networks.forCompany', { companyId }), [companyId]));
  const title = t('net.memberships');

  return (
    <SectionCard
      titleId="memberships-title"
      title={title}
      action={
        <a className="btn btn-small btn-quiet" href="#/networks">
          {t('net.title')}
        </a>
      }
    >
      <LoadedList items={list} emptyText={t('net.noMemberships')}>
        {(items) => (
          <ul className="record-list" aria-label={title}>
            {items.map((m) => (
              <li key={m.id} className="record record-row">
                <span className="record-title">{m.networkName}</span>
                <span className="muted">
                  {t('net.joined', { date: formatDate(m.joinedOn) })}
                  {m.leftOn ? ` · ${t('net.left', { date: formatDate(m.leftOn) })}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </LoadedList>
    </SectionCard>
  );
}
