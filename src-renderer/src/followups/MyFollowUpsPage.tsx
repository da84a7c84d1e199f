import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { FollowUpListInput, FollowUpPage } from '../api/types';
import { CalendarExportDialog } from '../calendar/CalendarExportDialog';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { FollowUpGroups } from './FollowUpGroups';
import { WhoSelect, whoScope } from './WhoSelect';

/** "Mine opfølgninger": what is due and overdue across the caseload, for me or for anyone. */
export function MyFollowUpsPage() {
  const t = useT();
  const { reportError } = useToasts();
  // 'mine', 'all' or a consultant's id.
  const [who, setWho] = useState('mine');
  const [page, setPage] = useState<FollowUpPage | null>(null);
  const [exporting, setExporting] = useState(false);

  const load = useCallback(() => {
    const input: FollowUpListInput = { ...whoScope(who), filter: 'open', limit: 500 };
    api.call('followups.list', input).then(setPage, reportError);
  }, [who, reportError]);
  useEffect(load, [load]);

  return (
    <section className="page page-followups" aria-labelledby="followups-title">
      <header className="followups-head">
        <h1 id="followups-title">{t('followups.title')}</h1>
        <WhoSelect value={who} onChange={setWho} me={page?.me} />
        <button type="button" className="btn" onClick={() => setExporting(true)}>
          {t('calendar.export.open')}
        </button>
      </header>
      {exporting ? <CalendarExportDialog who={who} onClose={() => setExporting(false)} /> : null}
      {page ? (
        <>
          <p className="followups-summary">
            {t('followups.summary', {
              overdue: page.counts.overdue,
              today: page.counts.dueToday,
              upcoming: page.counts.upcoming,
            })}
          </p>
          {who === 'mine' && !page.me ? <p className="muted">{t('followups.noMe')}</p> : null}
          {page.rows.length === 0 ? (
            <p className="muted">{t('followups.empty')}</p>
          ) : (
            <FollowUpGroups
              rows={page.rows}
              today={page.today}
              showCompany
              onChanged={(f) => setPage((p) => p && { ...p, rows: p.rows.map((r) => (r.id === f.id ? f : r)) })}
            />
          )}
        </>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </section>
  );
}
