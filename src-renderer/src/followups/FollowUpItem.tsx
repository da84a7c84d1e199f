import { useState } from 'react';
import { api } from '../api';
import { ApiCallError } from '../api/client';
import type { FollowUp } from '../api/types';
import { AddToCalendarButton } from '../calendar/AddToCalendarButton';
import { Popover } from '../components/Popover';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import { snoozeTarget } from './followup-groups';

interface Props {
  followup: FollowUp;
  today: string;
  /** Show the company name as a link (the cross-caseload list); the company page leaves it out. */
  showCompany: boolean;
  onChanged(f: FollowUp): void;
}

/** One follow-up: tick it off, or push it to a later day. */
export function FollowUpItem({ followup: f, today, showCompany, onChanged }: Props) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [date, setDate] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);

  const complete = async (done: boolean) => {
    try {
      onChanged(await api.call('followups.complete', { id: f.id, done }));
      notify('success', t(done ? 'followups.marked' : 'followups.reopened', { title: f.title }));
    } catch (err) {
      reportError(err);
    }
  };
  const snooze = async (until: string) => {
    try {
      const next = await api.call('followups.snooze', { id: f.id, until });
      setDateError(null);
      onChanged(next);
      notify('success', t('followups.snoozed', { title: f.title, date: formatDate(next.effectiveDue) }));
    } catch (err) {
      if (err instanceof ApiCallError && err.fieldMessages.until) setDateError(err.fieldMessages.until);
      else reportError(err);
    }
  };

  const label = `${f.title} · ${f.companyName}`;
  return (
    <li className={`followup followup-state-${f.state}`}>
      <input
        type="checkbox"
        className="followup-check"
        checked={f.doneAt !== null}
        aria-label={t('followups.markDone', { title: label })}
        onChange={(e) => void complete(e.target.checked)}
      />
      <div className="followup-main">
        <span className="followup-title">{f.title}</span>
        {showCompany ? (
          <a className="followup-company" href={`#/companies/${f.companyId}/visits`}>
            {f.companyName}
          </a>
        ) : null}
        {f.description ? <span className="muted followup-desc">{f.description}</span> : null}
      </div>
      <div className="followup-due">
        <time dateTime={f.effectiveDue}>{formatDate(f.effectiveDue)}</time>
        {f.snoozedUntil ? (
          <span className="muted"> ({t('followups.promised', { date: formatDate(f.dueDate) })})</span>
        ) : null}
        {f.consultant ? <span className="muted followup-consultant">{f.consultant}</span> : null}
      </div>
      {f.doneAt ? null : <AddToCalendarButton kind="followup" id={f.id} title={label} />}
      {f.doneAt ? null : (
        <Popover label={t('followups.snooze')} align="end" className="followup-snooze">
          <div className="snooze-options">
            <button type="button" className="btn btn-small" onClick={() => void snooze(snoozeTarget(f, today, 1))}>
              {t('followups.snooze1d')}
            </button>
            <button type="button" className="btn btn-small" onClick={() => void snooze(snoozeTarget(f, today, 7))}>
              {t('followups.snooze1w')}
            </button>
            <form
              className="snooze-date"
              onSubmit={(e) => {
                e.preventDefault();
                if (date.trim()) void snooze(date.trim());
              }}
            >
              <label htmlFor={`snooze-${f.id}`}>{t('followups.snoozeUntil')}</label>
              <input
                id={`snooze-${f.id}`}
                className="input input-date"
                value={date}
                placeholder={t('common.datePlaceholder')}
                aria-invalid={dateError ? true : undefined}
                onChange={(e) => setDate(e.target.value)}
              />
              <button type="submit" className="btn btn-small">
                {t('followups.snoozeApply')}
              </button>
              {dateError ? <p className="field-error">{dateError}</p> : null}
            </form>
          </div>
        </Popover>
      )}
    </li>
  );
}
