import { useEffect, useState } from 'react';
import type { LagStatus, ReferralStatus } from '../../../src-shared/codes/outreach';
import { api } from '../api';
import type { Company } from '../api/types';
import { useToasts } from '../components/Toasts';
import { localToday } from '../followups/followup-groups';
import { useT } from '../i18n/I18nProvider';
import { formatCount, formatDate } from '../lib/format';

/** Referrals and LAG applications still under way: what the consultant may have to chase. */
const DONE_REFERRAL: ReadonlySet<ReferralStatus> = new Set(['closed', 'declined']);
const DONE_LAG: ReadonlySet<LagStatus> = new Set(['rejected', 'paid', 'closed']);

interface Next {
  followUp: { title: string; dueDate: string } | null;
  lastContact: string | null;
  referrals: number;
  lag: number;
}

/** Overblik's first line: what happens next with this firm, each fact a link to its tab. */
export function NextStrip({ company }: { company: Company }) {
  const t = useT();
  const { reportError } = useToasts();
  const [next, setNext] = useState<Next | null>(null);

  useEffect(() => {
    let live = true;
    const companyId = company.id;
    Promise.all([
      api.call('followups.list', { scope: 'all', filter: 'open', companyId, limit: 1 }),
      api.call('visits.list', { companyId, limit: 1 }),
      api.call('referrals.list', { companyId }),
      api.call('lag.list', { companyId }),
    ]).then(([followups, visits, referrals, lag]) => {
      if (!live) return;
      const f = followups.rows[0];
      setNext({
        followUp: f ? { title: f.title, dueDate: f.dueDate } : null,
        lastContact: visits.rows[0]?.date ?? null,
        referrals: referrals.filter((r) => !DONE_REFERRAL.has(r.status)).length,
        lag: lag.filter((a) => !DONE_LAG.has(a.status)).length,
      });
    }, reportError);
    return () => {
      live = false;
    };
  }, [company.id, reportError]);

  if (!next) return null;
  const base = `#/companies/${company.id}`;
  const overdue = next.followUp !== null && next.followUp.dueDate < localToday();
  return (
    <section className="next-strip" aria-label={t('company.next.title')}>
      <a className="next-item" href={`${base}/followups`}>
        <span className="next-label">{t('company.next.followUp')}</span>
        <span className={`next-value${overdue ? ' next-overdue' : ''}`}>
          {next.followUp ? `${formatDate(next.followUp.dueDate)} · ${next.followUp.title}` : t('company.next.none')}
        </span>
      </a>
      <a className="next-item" href={`${base}/visits`}>
        <span className="next-label">{t('company.next.lastContact')}</span>
        <span className="next-value">{next.lastContact ? formatDate(next.lastContact) : t('company.next.never')}</span>
      </a>
      <a className="next-item" href={`${base}/referrals`}>
        <span className="next-label">{t('company.next.referrals')}</span>
        <span className="next-value">{formatCount(next.referrals)}</span>
      </a>
      <a className="next-item" href={`${base}/referrals`}>
        <span className="next-label">{t('company.next.lag')}</span>
        <span className="next-value">{formatCount(next.lag)}</span>
      </a>
    </section>
  );
}
