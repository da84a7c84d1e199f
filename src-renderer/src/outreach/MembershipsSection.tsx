import { useCallback } from 'react';
import { api } from '../api';
import { RecordSection } from '../components/RecordList';
import { useLoaded } from '../components/use-loaded';
import { useT } from '../i18n/I18nProvider';
import { MembershipDates } from './MembershipDates';

/** The networks the firm is or was a member of; members are managed on the Netværk page. */
export function MembershipsSection({ companyId }: { companyId: number }) {
  const t = useT();
  const [list] = useLoaded(useCallback(() => api.call('networks.forCompany', { companyId }), [companyId]));
  const title = t('network.memberships');

  return (
    <RecordSection
      titleId="memberships-title"
      title={title}
      action={
        <a className="btn btn-small btn-quiet" href="#/networks">
          {t('network.title')}
        </a>
      }
      items={list}
      emptyText={t('network.noMemberships')}
      listLabel={title}
      renderRow={(m) => (
        <li key={m.id} className="record record-row">
          <span className="record-title">{m.networkName}</span>
          <MembershipDates joinedOn={m.joinedOn} leftOn={m.leftOn} />
        </li>
      )}
    />
  );
}
