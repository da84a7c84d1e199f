import type { Attachment } from '../api/types';
import type { CompanyTabProps } from '../company/company-tabs';
import { useT } from '../i18n/I18nProvider';
import { AttachmentsPanel } from './AttachmentsPanel';

/** "Bilag": every file kept with the firm, whatever it hangs on; new ones go on the firm itself. */
export function AttachmentsTab({ company }: CompanyTabProps) {
  const t = useT();
  const placeOf = (a: Attachment) =>
    a.visitId !== null
      ? t('attachments.on.visit')
      : a.referralId !== null
        ? t('attachments.on.referral')
        : a.applicationId !== null
          ? t('attachments.on.application')
          : null;
  return (
    <div className="outreach">
      <AttachmentsPanel
        target={{ companyId: company.id }}
        placeOf={placeOf}
        headingId="attachments-title"
        heading={t('attachments.title')}
      />
    </div>
  );
}
