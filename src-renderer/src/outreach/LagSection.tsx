import { useCallback, useState } from 'react';
import { api } from '../api';
import { DeleteConfirm, EditDeleteButtons, LoadedList, RecordRow } from '../components/RecordList';
import { AddButton, SectionCard } from '../components/SectionCard';
import { useToasts } from '../components/Toasts';
import { useLoaded } from '../components/use-loaded';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import { LagDialog } from './LagDialog';
import { LAG_STATUS_KEYS } from './labels';
import { formatMoney, formatPercent } from './money';
import { StatusMoves } from './StatusMoves';
import type { LagApplication } from './types';

export function LagSection({ companyId }: { companyId: number }) {
  const t = useT();
  const { notify } = useToasts();
  const [list, load] = useLoaded(useCallback(() => api.call('lag.list', { companyId }), [companyId]));
  const [editing, setEditing] = useState<LagApplication | 'new' | null>(null);
  const [deleting, setDeleting] = useState<LagApplication | null>(null);
  const title = t('out.lag.sectionTitle');

  return (
    <SectionCard
      titleId="lag-title"
      title={title}
      action={<AddButton label={t('out.lag.new')} onClick={() => setEditing('new')} />}
    >
      <LoadedList items={list} emptyText={t('out.lag.empty')}>
        {(items) => (
          <ul className="record-list" aria-label={title}>
            {items.map((a) => {
              const errors = a.financing.checks.filter((c) => c.severity === 'error');
              return (
                <RecordRow
                  key={a.id}
                  main={
                    <>
                      <span className="record-title">{a.title}</span>
                      <span className="tag">{t(LAG_STATUS_KEYS[a.status])}</span>
                      <span className="muted">{a.lagName}</span>
                      {a.deadline ? (
                        <span className="muted">{t('out.lag.deadlineOn', { date: formatDate(a.deadline) })}</span>
                      ) : null}
                    </>
                  }
                  actions={
                    <>
                      <StatusMoves
                        allowed={a.allowedNext}
                        labels={LAG_STATUS_KEYS}
                        move={(status) => api.call('lag.setStatus', { id: a.id, status })}
                        onMoved={load}
                      />
                      <EditDeleteButtons onEdit={() => setEditing(a)} onDelete={() => setDeleting(a)} />
                    </>
                  }
                >
                  <p className="record-text">
                    {t('out.lag.summaryLine', {
                      budget: formatMoney(a.financing.budgetTotalOre),
                      grant: formatMoney(a.financing.grantRequestedOre),
                      share: formatPercent(a.financing.grantShareBp),
                    })}
                  </p>
                  {errors.length ? (
                    <ul className="checks-list">
                      {errors.map((c) => (
                        <li key={c.code} className="check check-error">
                          {c.message}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </RecordRow>
              );
            })}
          </ul>
        )}
      </LoadedList>
      {editing ? (
        <LagDialog
          companyId={companyId}
          application={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            notify('success', t('out.lag.saved'));
            void load();
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteConfirm
          text={t('out.lag.deleteConfirm', { name: deleting.title })}
          onClose={() => setDeleting(null)}
          onDelete={() => api.call('lag.delete', { id: deleting.id })}
          onDeleted={load}
        />
      ) : null}
    </SectionCard>
  );
}
