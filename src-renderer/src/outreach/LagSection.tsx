import { useCallback, useState } from 'react';
import { formatMoney, formatPercent } from '../../../src-shared/format/money';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { LagApplication } from '../api/types';
import { AttachmentsDisclosure } from '../attachments/AttachmentsDisclosure';
import { AddToCalendarButton } from '../calendar/AddToCalendarButton';
import { editorDialog } from '../components/form-editor';
import { DeleteConfirm, EditDeleteButtons, RecordRow, RecordSection } from '../components/RecordList';
import { AddButton } from '../components/SectionCard';
import { useLoaded } from '../components/use-loaded';
import { useRecordDialog } from '../components/use-record-dialog';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import { LagDialog } from './LagDialog';
import { StatusMoves } from './StatusMoves';

export function LagSection({ companyId }: { companyId: number }) {
  const t = useT();
  const [list, load] = useLoaded(useCallback(() => api.call('lag.list', { companyId }), [companyId]));
  const editor = useRecordDialog<LagApplication | 'new'>(t('lag.saved'), load);
  const [deleting, setDeleting] = useState<LagApplication | null>(null);
  const title = t('lag.sectionTitle');

  return (
    <RecordSection
      titleId="lag-title"
      title={title}
      action={<AddButton label={t('lag.new')} onClick={() => editor.open('new')} />}
      items={list}
      emptyText={t('lag.empty')}
      listLabel={title}
      renderRow={(a) => {
        const errors = a.financing.checks.filter((c) => c.severity === 'error');
        return (
          <RecordRow
            key={a.id}
            main={
              <>
                <span className="record-title">{a.title}</span>
                <span className="tag">{t(labelKey.lagStatus(a.status))}</span>
                <span className="muted">{a.lagName}</span>
                {a.deadline ? (
                  <span className="muted">{t('lag.deadlineOn', { date: formatDate(a.deadline) })}</span>
                ) : null}
              </>
            }
            actions={
              <>
                {a.deadline ? <AddToCalendarButton kind="lag" id={a.id} title={a.title} /> : null}
                <StatusMoves
                  allowed={a.allowedNext}
                  label={labelKey.lagStatus}
                  action={labelKey.lagMark}
                  move={(status) => api.call('lag.setStatus', { id: a.id, status })}
                  onMoved={load}
                />
                <EditDeleteButtons onEdit={() => editor.open(a)} onDelete={() => setDeleting(a)} />
              </>
            }
          >
            <p className="record-text">
              {t('lag.summaryLine', {
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
            <AttachmentsDisclosure
              id={`lag-${a.id}-attachments`}
              target={{ companyId, applicationId: a.id }}
              checklist
            />
          </RecordRow>
        );
      }}
    >
      {editorDialog(editor, (application) => (
        <LagDialog companyId={companyId} application={application} onClose={editor.close} onSaved={editor.saved} />
      ))}
      {deleting ? (
        <DeleteConfirm
          text={t('lag.deleteConfirm', { name: deleting.title })}
          onClose={() => setDeleting(null)}
          onDelete={() => api.call('lag.delete', { id: deleting.id })}
          onDeleted={load}
        />
      ) : null}
    </RecordSection>
  );
}
