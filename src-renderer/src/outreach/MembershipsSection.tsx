import { useEffect, useState } from 'react';
import { api } from '../api';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import type { NetworkMember } from './types';

/** The networks the firm is or was a member of; members are managed on the Netværk page. */
export function MembershipsSection({ companyId }: { companyId: number }) {
  const t = useT();
  const { reportError } = useToasts();
  const [list, setList] = useState<NetworkMember[] | null>(null);
  useEffect(() => {
    api.call('networks.forCompany', { companyId }).then(setList, reportError);
  }, [companyId, reportError]);

  return (
    <section className="card" aria-labelledby="memberships-title">
      <div className="card-head">
        <h2 id="memberships-title">{t('net.memberships')}</h2>
        <a className="btn btn-small btn-quiet" href="#/networks">
          {t('net.title')}
        </a>
      </div>
      {list === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : list.length === 0 ? (
        <p className="muted">{t('net.noMemberships')}</p>
      ) : (
        <ul className="record-list" aria-label={t('net.memberships')}>
          {list.map((m) => (
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
    </section>
  );
}
