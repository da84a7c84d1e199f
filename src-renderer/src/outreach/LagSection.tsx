import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import { LagDialog } from './LagDialog';
import { LAG_STATUS_KEYS } from './labels';
import { formatMoney, formatPercent } from './money';
import type { LagApplication, LagStatus } from './types';

export function LagSection({ companyId }: { companyId: number }) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [list, setList] = useState<LagApplication[] | null>(null);
  const [editing, setEditing] = useState<LagApplication | 'new' | null>(null);
  const [deleting, setDeleting] = useState<LagApplication | null>(null);

  const load = useCallback(
    () => api.call('lag.list', { companyId }).then(setList, reportError),
    [companyId, reportError],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const move = async (a: LagApplication, status: LagStatus) => {
    try {
      await api.call('lag.setStatus', { id: a.id, status });
      notify('success', t('out.referral.moved', { status: t(LAG_STATUS_KEYS[status]) }));
      await load();
    } catch (err) {
      reportError(err);
    }
  };

  return (
    <section className="card" aria-labelledby="lag-title">
      <div className="card-head">
        <h2 id="lag-title">{t('out.lag.sectionTitle')}</h2>
        <button type="button" className="btn btn-small" onClick={() => setEditing('new')}>
          + {t('out.lag.new')}
        </button>
      </div>
      {list === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : list.length === 0 ? (
        <p className="muted">{t('out.lag.empty')}</p>
      ) : (
        <ul className="record-list" aria-label={t('out.lag.sectionTitle')}>
          {list.map((a) => (
            <li key={a.id} className="record">
              <div className="record-main">
                <span className="record-title">{a.title}</span>
                <span className="tag">{t(LAG_STATUS_KEYS[a.status])}</span>
                <span className="muted">{a.lagName}</span>
                {a.deadline ? (
                  <span className="muted">{t('out.lag.deadlineOn', { date: formatDate(a.deadline) })}</span>
                ) : null}
              </div>
              <p className="record-text">
                {t('out.lag.summaryLine', {
                  budget: formatMoney(a.financing.budgetTotalOre),
                  grant: formatMoney(a.financing.grantRequestedOre),
                  share: formatPercent(a.financing.grantShareBp),
                })}
              </p>
              {a.financing.checks.filter((c) => c.severity === 'error').length ? (
                <ul className="checks-list">
                  {a.financing.checks
                    .filter((c) => c.severity === 'error')
                    .map((c) => (
                      <li key={c.code} className="check check-error">
                        {c.message}
                      </li>
                    ))}
                </ul>
              ) : null}
              <div className="record-actions">
                {a.allowedNext.map((s) => (
                  <button key={s} type="button" className="btn btn-small" onClick={() => void move(a, s)}>
                    {t('out.referral.moveTo', { status: t(LAG_STATUS_KEYS[s]) })}
                  </button>
                ))}
                <button type="button" className="btn btn-small btn-quiet" onClick={() => setEditing(a)}>
                  {t('common.edit')}
                </button>
                <button type="button" className="btn btn-small btn-quiet" onClick={() => setDeleting(a)}>
                  {t('common.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
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
        <ConfirmDialog
          text={t('out.lag.deleteConfirm', { name: deleting.title })}
          confirmLabel={t('common.delete')}
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            try {
              await api.call('lag.delete', { id: deleting.id });
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
