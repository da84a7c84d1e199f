import { useEffect, useState } from 'react';
import { api } from '../api';
import type { AuditEntry } from '../api/types';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { isMessageKey } from '../i18n/translate';
import { formatDateTime } from '../lib/format';
import { useConsultants, useKommuner } from '../lib/use-reference';
import type { CompanyTabProps } from './company-tabs';
import { describeChanges, type NameLookup } from './history-format';

export function HistoryTab({ company }: CompanyTabProps) {
  const t = useT();
  const { reportError } = useToasts();
  // Every area that audits (companies, contacts, visits, follow-ups…) names its entity in i18n.
  const entityLabel = (entity: string) => {
    const key = `history.entity.${entity}`;
    return isMessageKey(key) ? t(key) : entity;
  };
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const kommuner = useKommuner(reportError);
  const consultants = useConsultants(reportError);
  const names: NameLookup = {
    kommune: (code) => kommuner.find((k) => k.code === code)?.name,
    consultant: (id) => consultants.find((c) => c.id === id)?.name,
  };

  useEffect(() => {
    api.call('companies.history', { id: company.id }).then(setEntries, reportError);
  }, [company.id, reportError]);

  if (entries === null) return <p className="muted">{t('common.loading')}</p>;
  if (entries.length === 0) return <p className="muted">{t('history.empty')}</p>;

  return (
    <ol className="history">
      {entries.map((e) => {
        const changes = describeChanges(e, t, names);
        return (
          <li key={e.id} className="history-entry">
            <div className="history-when">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              <span className="muted">{t('history.by', { actor: e.actor })}</span>
            </div>
            <div className="history-what">
              <p className="history-title">
                <span className={`history-action action-${e.action}`}>{t(`history.action.${e.action}`)}</span>{' '}
                {entityLabel(e.entity)}
                {e.entity === 'contact' && typeof e.after?.name === 'string' ? ` · ${e.after.name}` : null}
              </p>
              {changes.length ? (
                <ul className="history-changes">
                  {changes.map((c) => (
                    <li key={c.field}>
                      <span className="history-field">{c.label}:</span> <del>{c.before}</del> → <ins>{c.after}</ins>
                    </li>
                  ))}
                </ul>
              ) : null}
              {e.reason ? <p className="history-reason">{t('history.reason', { reason: e.reason })}</p> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
