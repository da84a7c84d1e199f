import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { WEEK_SECTIONS, type WeekSection } from '../../../src-shared/codes/week';
import { isoWeekNumber } from '../../../src-shared/format/dates';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { InputOf, WeekData } from '../api/types';
import { companyPath, navigate } from '../app/navigation';
import type { RouteProps } from '../app/routes';
import { useToasts } from '../components/Toasts';
import { FollowUpItem } from '../followups/FollowUpItem';
import { WhoSelect, whoScope } from '../followups/WhoSelect';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import { IdentityStep } from './IdentityStep';
import '../followups/followups.css';
import './week.css';

/** `#/week`, the start page: what I should do this week, each item acted on where it stands. */
export function WeekPage(_: RouteProps) {
  const t = useT();
  const { notify, reportError } = useToasts();
  // 'mine', 'all' or a colleague's id.
  const [who, setWho] = useState('mine');
  const [week, setWeek] = useState<WeekData | null>(null);

  const load = useCallback(() => {
    const input: InputOf<'week.get'> = whoScope(who);
    api.call('week.get', input).then(setWeek, reportError);
  }, [who, reportError]);
  useEffect(load, [load]);

  const title = (s: WeekSection, w: WeekData): string => {
    if (s === 'referrals') return t('week.section.referrals', { days: w.thresholds.referralDays });
    if (s === 'lag') return t('week.section.lag', { days: w.thresholds.lagDays });
    if (s === 'quiet') return t('week.section.quiet', { days: w.thresholds.quietDays });
    return t(`week.section.${s}`);
  };

  const markReceived = async (id: number, organisation: string) => {
    try {
      await api.call('referrals.setStatus', { id, status: 'received' });
      notify('success', t('week.received', { organisation }));
      setWeek(
        (w) =>
          w && {
            ...w,
            referrals: { rows: w.referrals.rows.filter((r) => r.id !== id), total: w.referrals.total - 1 },
          },
      );
    } catch (err) {
      reportError(err);
    }
  };

  const items = (s: WeekSection, w: WeekData): ReactNode[] => {
    // One colleague's week need not name them on every item.
    const team = !w.consultant;
    switch (s) {
      case 'followups':
        return w.followups.rows.map((f) => (
          <FollowUpItem
            key={f.id}
            followup={f}
            today={w.on}
            showCompany
            onChanged={(next) =>
              setWeek(
                (cur) =>
                  cur && {
                    ...cur,
                    followups: { ...cur.followups, rows: cur.followups.rows.map((r) => (r.id === next.id ? next : r)) },
                  },
              )
            }
          />
        ));
      case 'visits':
        return w.visits.rows.map((v) => (
          <WeekItem
            key={v.companyId}
            firm={v}
            team={team}
            action={
              <button
                type="button"
                className="btn btn-small"
                onClick={() => navigate(`${companyPath(v.companyId, 'visits')}/new`)}
              >
                {t('week.registerVisit')}
              </button>
            }
          >
            <span className="muted">{t('week.visitDue', { date: formatDate(v.due) })}</span>
          </WeekItem>
        ));
      case 'referrals':
        return w.referrals.rows.map((r) => (
          <WeekItem
            key={r.id}
            firm={r}
            tab="referrals"
            team={team}
            action={
              <button type="button" className="btn btn-small" onClick={() => void markReceived(r.id, r.organisation)}>
                {t('week.markReceived')}
              </button>
            }
          >
            <span className="muted">
              {t('week.referralLine', { organisation: r.organisation, date: formatDate(r.sentAt), days: r.days })}
            </span>
          </WeekItem>
        ));
      case 'lag':
        return w.lag.rows.map((a) => (
          <WeekItem key={a.id} firm={a} tab="referrals" team={team}>
            <span>
              {a.title} · {a.lag}
            </span>
            <span className={a.reason === 'deadline' && a.deadline && a.deadline < w.on ? 'week-late' : 'muted'}>
              {t(labelKey.lagStatus(a.status))} ·{' '}
              {a.reason === 'deadline'
                ? t('week.lag.deadline', { date: formatDate(a.deadline) })
                : t('week.lag.decision', { date: formatDate(a.submittedAt) })}
            </span>
          </WeekItem>
        ));
      case 'quiet':
        return w.quiet.rows.map((q) => (
          <WeekItem
            key={q.companyId}
            firm={q}
            team={team}
            action={
              <a className="btn btn-small" href={`#${companyPath(q.companyId)}`}>
                {t('week.openFirm', { name: q.companyName })}
              </a>
            }
          >
            <span className="muted">
              {t(labelKey.companyStatus(q.status))} ·{' '}
              {q.lastContact ? t('week.lastContact', { date: formatDate(q.lastContact) }) : t('week.neverContacted')}
            </span>
          </WeekItem>
        ));
    }
  };

  return (
    <section className="page page-week" aria-labelledby="week-title">
      <header className="followups-head">
        <div>
          <h1 id="week-title">{t('week.title')}</h1>
          {week ? (
            <p className="muted week-range">
              {t('week.range', {
                week: isoWeekNumber(week.on),
                from: formatDate(week.weekStart),
                to: formatDate(week.weekEnd),
              })}
            </p>
          ) : null}
        </div>
        <WhoSelect value={who} onChange={setWho} me={week?.me} hideMe />
      </header>
      {week && !week.me ? <IdentityStep onSaved={load} /> : null}
      {week ? (
        WEEK_SECTIONS.map((s) => {
          const list = items(s, week);
          const total = week[s].total;
          return (
            <section key={s} className="week-section" aria-labelledby={`week-${s}`} data-section={s}>
              <h2 id={`week-${s}`}>
                {title(s, week)} <span className="followup-count">{total}</span>
              </h2>
              {list.length === 0 ? (
                <p className="muted week-empty">{t('week.empty')}</p>
              ) : (
                <ul className="followup-list week-list">{list}</ul>
              )}
              {total > list.length ? (
                <p className="muted week-more">{t('week.more', { shown: list.length, total })}</p>
              ) : null}
            </section>
          );
        })
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </section>
  );
}

interface WeekItemProps {
  firm: { companyId: number; companyName: string; consultant: string | null };
  /** The firm's tab the item is about. */
  tab?: string;
  /** The whole team's week: each item says whose it is. */
  team: boolean;
  /** What is due and why. */
  children: ReactNode;
  /** The one thing to do about it, right there. */
  action?: ReactNode;
}

/** One item of a week's section: the firm, what is due, whose it is, and its action. */
function WeekItem({ firm, tab, team, children, action }: WeekItemProps) {
  return (
    <li className="week-item">
      <div className="week-main">
        <a className="week-firm" href={`#${companyPath(firm.companyId, tab)}`}>
          {firm.companyName}
        </a>
        {children}
        {team && firm.consultant ? <span className="muted week-consultant">{firm.consultant}</span> : null}
      </div>
      {action}
    </li>
  );
}
