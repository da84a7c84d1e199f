import { useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { AttachmentsPanel } from './AttachmentsPanel';
import type { AttachTarget } from './attachment-files';

/** "Bilag" under a visit, referral or LAG application, loaded when opened. */
export function AttachmentsDisclosure({
  target,
  id,
  checklist,
}: {
  target: AttachTarget;
  /** Unique on the page: names the panel's heading. */
  id: string;
  checklist?: boolean;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const heading = checklist ? t('attachments.checklist') : t('attachments.title');
  return (
    <details className="attachments-disclosure" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{heading}</summary>
      {open ? <AttachmentsPanel target={target} checklist={checklist} headingId={id} heading={heading} nested /> : null}
    </details>
  );
}
