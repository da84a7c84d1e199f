import { Plus } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { DraftSummary, Visit } from '../api/types';
import { caseloadStore } from '../caseload/caseload-store';
import type { CompanyTabProps } from '../company/company-tabs';
import { DeleteConfirm, LoadedList } from '../components/RecordList';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { formatDate, formatDateTime } from '../lib/format';
import { useVisitReference } from './use-visit-reference';
import { VisitCard } from './VisitCard';
import { draftKeyFor } from './visit-form-model';
import './visits.css';

/** Newest first; visits on the same day by time (a visit without a time sorts last that day). */
export function byNewest(a: Visit, b: Visit): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  const at = a.startTime ?? '';
  const bt = b.startTime ?? '';
  if (at !== bt) return at < bt ? 1 : -1;
  return b.id - a.id;
}

/** "Besøg og kontakter": the company's timeline, and the way into the visit form. */
export function VisitsTab({ company, reload }: CompanyTabProps) {
  const t = useT();
  const { reportError } = useToasts();
  const reference = useVisitReference(reportError);
  const [visits, setVisits] = useState<Visit[] | null>(null);
  const [draft, setDraft] = useState<DraftSummary | null>(null);
  const [deleting, setDeleting] = useState<Visit | null>(null);
  const newHref = `#/companies/${company.id}/visits/new`;

  const load = useCallback(() => {
    api
      .call('visits.list', { companyId: company.id, limit: 200 })
      .then((p) => setVisits([...p.rows].sort(byNewest)), reportError);
    api
      .call('drafts.list', { companyId: company.id })
      .then((all) => setDraft(all.find((d) => d.key === draftKeyFor(company.id, null)) ?? null), reportError);
  }, [company.id, reportError]);
  useEffect(load, [load]);

  return (
    <section className="visits-tab" aria-labelledby="visits-title">
      <div className="card-head">
        <h2 id="visits-title">{t('visits.title')}</h2>
        <a className="btn btn-primary" href={newHref}>
          <Plus size={16} aria-hidden="true" />
          {t('visits.new')}
        </a>
      </div>
      {draft ? (
        <div className="banner visit-restored" role="status">
          <span>{t('visits.draftWaiting', { time: formatDateTime(draft.updatedAt) })}</span>
          <a className="btn btn-small" href={newHref}>
            {t('visits.draftContinue')}
          </a>
        </div>
      ) : null}
      <LoadedList items={visits} emptyText={t('visits.empty')}>
        {(items) => (
          <ol className="timeline" aria-label={t('visits.timeline')}>
            {items.map((v) => (
              <VisitCard
                key={v.id}
                visit={v}
                reference={reference}
                editHref={`#/companies/${company.id}/visits/${v.id}`}
                onDelete={() => setDeleting(v)}
              />
            ))}
          </ol>
        )}
      </LoadedList>
      {deleting ? (
        <DeleteConfirm
          text={t('visit.deleteConfirm', { date: formatDate(deleting.date) })}
          onClose={() => setDeleting(null)}
          onDelete={() => api.call('visits.delete', { id: deleting.id })}
          doneText={t('visit.deleted')}
          onDeleted={async () => {
            caseloadStore.dataChanged();
            load();
            reload();
          }}
          closeOnFailure
        />
      ) : null}
    </section>
  );
}
