import { useCallback, useState } from 'react';
import { formatMoney } from '../../../src-shared/format/money';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { Referral } from '../api/types';
import { AttachmentsDisclosure } from '../attachments/AttachmentsDisclosure';
import { editorDialog } from '../components/form-editor';
import { DeleteConfirm, EditDeleteButtons, RecordRow, RecordSection } from '../components/RecordList';
import { AddButton } from '../components/SectionCard';
import { useLoaded } from '../components/use-loaded';
import { useRecordDialog } from '../components/use-record-dialog';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import { OutcomeDialog } from './OutcomeDialog';
import { ReferralDialog } from './ReferralDialog';
import { StatusMoves } from './StatusMoves';

export function ReferralsSection({ companyId }: { companyId: number }) {
  const t = useT();
  const [list, load] = useLoaded(useCallback(() => api.call('referrals.list', { companyId }), [companyId]));
  const editor = useRecordDialog<Referral | 'new'>(t('referral.saved'), load);
  const outcome = useRecordDialog<Referral>(t('referral.saved'), load);
  const [deleting, setDeleting] = useState<Referral | null>(null);
  const title = t('referral.title');

  return (
    <RecordSection
      titleId="referrals-title"
      title={title}
      action={<AddButton label={t('referral.new')} onClick={() => editor.open('new')} />}
      items={list}
      emptyText={t('referral.empty')}
      listLabel={title}
      renderRow={(r) => (
        <RecordRow
          key={r.id}
          main={
            <>
              <span className="record-title">{r.organisationName}</span>
              <span className={`tag tag-${r.status}`}>{t(labelKey.referralStatus(r.status))}</span>
              {r.contactName ? <span className="muted">{r.contactName}</span> : null}
              <span className="muted">{formatDate(r.createdAt)}</span>
            </>
          }
          actions={
            <>
              <StatusMoves
                allowed={r.allowedNext}
                label={labelKey.referralStatus}
                action={labelKey.referralMark}
                move={(status) => api.call('referrals.setStatus', { id: r.id, status })}
                onMoved={load}
              />
              <button type="button" className="btn btn-small btn-quiet" onClick={() => outcome.open(r)}>
                {t('referral.outcome')}
              </button>
              <EditDeleteButtons onEdit={() => editor.open(r)} onDelete={() => setDeleting(r)} />
            </>
          }
        >
          <p className="record-text">{r.reason}</p>
          {r.outcome ? (
            <p className="record-outcome">
              {t(labelKey.referralOutcome(r.outcome))}
              {r.outcomeAmountOre !== null ? `: ${formatMoney(r.outcomeAmountOre)}` : ''}
              {r.outcomeOn ? ` (${formatDate(r.outcomeOn)})` : ''}
            </p>
          ) : null}
          <AttachmentsDisclosure id={`referral-${r.id}-attachments`} target={{ companyId, referralId: r.id }} />
        </RecordRow>
      )}
    >
      {editorDialog(editor, (referral) => (
        <ReferralDialog companyId={companyId} referral={referral} onClose={editor.close} onSaved={editor.saved} />
      ))}
      {outcome.current ? (
        <OutcomeDialog referral={outcome.current} onClose={outcome.close} onSaved={outcome.saved} />
      ) : null}
      {deleting ? (
        <DeleteConfirm
          text={t('referral.deleteConfirm', { name: deleting.organisationName })}
          onClose={() => setDeleting(null)}
          onDelete={() => api.call('referrals.delete', { id: deleting.id })}
          onDeleted={load}
        />
      ) : null}
    </RecordSection>
  );
}
