import { useCallback, useState } from 'react';
import { api } from '../api';
import { DeleteConfirm, EditDeleteButtons, LoadedList, RecordRow } from '../components/RecordList';
import { AddButton, SectionCard } from '../components/SectionCard';
import { useToasts } from '../components/Toasts';
import { useLoaded } from '../components/use-loaded';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import { REFERRAL_OUTCOME_KEYS, REFERRAL_STATUS_KEYS } from './labels';
import { formatMoney } from './money';
import { OutcomeDialog } from './OutcomeDialog';
import { ReferralDialog } from './ReferralDialog';
import { StatusMoves } from './StatusMoves';
import type { Referral } from './types';

export function ReferralsSection({ companyId }: { companyId: number }) {
  const t = useT();
  const { notify } = useToasts();
  const [list, load] = useLoaded(useCallback(() => api.call('referrals.list', { companyId }), [companyId]));
  const [editing, setEditing] = useState<Referral | 'new' | null>(null);
  const [outcomeFor, setOutcomeFor] = useState<Referral | null>(null);
  const [deleting, setDeleting] = useState<Referral | null>(null);
  const title = t('out.referral.title');
  const saved = () => {
    notify('success', t('out.referral.saved'));
    void load();
  };

  return (
    <SectionCard
      titleId="referrals-title"
      title={title}
      action={<AddButton label={t('out.referral.new')} onClick={() => setEditing('new')} />}
    >
      <LoadedList items={list} emptyText={t('out.referral.empty')}>
        {(items) => (
          <ul className="record-list" aria-label={title}>
            {items.map((r) => (
              <RecordRow
                key={r.id}
                main={
                  <>
                    <span className="record-title">{r.organisationName}</span>
                    <span className={`tag tag-${r.status}`}>{t(REFERRAL_STATUS_KEYS[r.status])}</span>
                    {r.contactName ? <span className="muted">{r.contactName}</span> : null}
                    <span className="muted">{formatDate(r.createdAt)}</span>
                  </>
                }
                actions={
                  <>
                    <StatusMoves
                      allowed={r.allowedNext}
                      labels={REFERRAL_STATUS_KEYS}
                      move={(status) => api.call('referrals.setStatus', { id: r.id, status })}
                      onMoved={load}
                    />
                    <button type="button" className="btn btn-small btn-quiet" onClick={() => setOutcomeFor(r)}>
                      {t('out.referral.outcome')}
                    </button>
                    <EditDeleteButtons onEdit={() => setEditing(r)} onDelete={() => setDeleting(r)} />
                  </>
                }
              >
                <p className="record-text">{r.reason}</p>
                {r.outcome ? (
                  <p className="record-outcome">
                    {t(REFERRAL_OUTCOME_KEYS[r.outcome])}
                    {r.outcomeAmountOre !== null ? `: ${formatMoney(r.outcomeAmountOre)}` : ''}
                    {r.outcomeOn ? ` (${formatDate(r.outcomeOn)})` : ''}
                  </p>
                ) : null}
              </RecordRow>
            ))}
          </ul>
        )}
      </LoadedList>
      {editing ? (
        <ReferralDialog
          companyId={companyId}
          referral={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            saved();
          }}
        />
      ) : null}
      {outcomeFor ? (
        <OutcomeDialog
          referral={outcomeFor}
          onClose={() => setOutcomeFor(null)}
          onSaved={() => {
            setOutcomeFor(null);
            saved();
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteConfirm
          text={t('out.referral.deleteConfirm', { name: deleting.organisationName })}
          onClose={() => setDeleting(null)}
          onDelete={() => api.call('referrals.delete', { id: deleting.id })}
          onDeleted={load}
        />
      ) : null}
    </SectionCard>
  );
}
