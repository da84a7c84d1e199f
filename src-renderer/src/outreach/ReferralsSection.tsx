import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import { REFERRAL_OUTCOME_KEYS, REFERRAL_STATUS_KEYS } from './labels';
import { formatMoney } from './money';
import { OutcomeDialog } from './OutcomeDialog';
import { ReferralDialog } from './ReferralDialog';
import type { Referral, ReferralStatus } from './types';

export function ReferralsSection({ companyId }: { companyId: number }) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [list, setList] = useState<Referral[] | null>(null);
  const [editing, setEditing] = useState<Referral | 'new' | null>(null);
  const [outcomeFor, setOutcomeFor] = useState<Referral | null>(null);
  const [deleting, setDeleting] = useState<Referral | null>(null);

  const load = useCallback(
    () => api.call('referrals.list', { companyId }).then(setList, reportError),
    [companyId, reportError],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const move = async (r: Referral, status: ReferralStatus) => {
    try {
      await api.call('referrals.setStatus', { id: r.id, status });
      notify('success', t('out.referral.moved', { status: t(REFERRAL_STATUS_KEYS[status]) }));
      await load();
    } catch (err) {
      reportError(err);
    }
  };

  return (
    <section className="card" aria-labelledby="referrals-title">
      <div className="card-head">
        <h2 id="referrals-title">{t('out.referral.title')}</h2>
        <button type="button" className="btn btn-small" onClick={() => setEditing('new')}>
          + {t('out.referral.new')}
        </button>
      </div>
      {list === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : list.length === 0 ? (
        <p className="muted">{t('out.referral.empty')}</p>
      ) : (
        <ul className="record-list" aria-label={t('out.referral.title')}>
          {list.map((r) => (
            <li key={r.id} className="record">
              <div className="record-main">
                <span className="record-title">{r.organisationName}</span>
                <span className={`tag tag-${r.status}`}>{t(REFERRAL_STATUS_KEYS[r.status])}</span>
                {r.contactName ? <span className="muted">{r.contactName}</span> : null}
                <span className="muted">{formatDate(r.createdAt)}</span>
              </div>
              <p className="record-text">{r.reason}</p>
              {r.outcome ? (
                <p className="record-outcome">
                  {t(REFERRAL_OUTCOME_KEYS[r.outcome])}
                  {r.outcomeAmountOre !== null ? `: ${formatMoney(r.outcomeAmountOre)}` : ''}
                  {r.outcomeOn ? ` (${formatDate(r.outcomeOn)})` : ''}
                </p>
              ) : null}
              <div className="record-actions">
                {r.allowedNext.map((s) => (
                  <button key={s} type="button" className="btn btn-small" onClick={() => void move(r, s)}>
                    {t('out.referral.moveTo', { status: t(REFERRAL_STATUS_KEYS[s]) })}
                  </button>
                ))}
                <button type="button" className="btn btn-small btn-quiet" onClick={() => setOutcomeFor(r)}>
                  {t('out.referral.outcome')}
                </button>
                <button type="button" className="btn btn-small btn-quiet" onClick={() => setEditing(r)}>
                  {t('common.edit')}
                </button>
                <button type="button" className="btn btn-small btn-quiet" onClick={() => setDeleting(r)}>
                  {t('common.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <ReferralDialog
          companyId={companyId}
          referral={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            notify('success', t('out.referral.saved'));
            void load();
          }}
        />
      ) : null}
      {outcomeFor ? (
        <OutcomeDialog
          referral={outcomeFor}
          onClose={() => setOutcomeFor(null)}
          onSaved={() => {
            setOutcomeFor(null);
            notify('success', t('out.referral.saved'));
            void load();
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          text={t('out.referral.deleteConfirm', { name: deleting.organisationName })}
          confirmLabel={t('common.delete')}
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            try {
              await api.call('referrals.delete', { id: deleting.id });
              setDeleting(null);
              await load();
            } catch (err) {
              reportError(err);
            }
          }}
        />
      ) : null}
    </section>
  );
}
