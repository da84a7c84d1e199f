import type { ComponentType } from 'react';
import type { Company } from '../api/types';
import { AttachmentsTab } from '../attachments/AttachmentsTab';
import { DocumentsTab } from '../documents/DocumentsTab';
import { CompanyFollowUpsTab } from '../followups/CompanyFollowUpsTab';
import type { MessageKey } from '../i18n/translate';
import { ReferralsTab } from '../outreach/ReferralsTab';
import { VisitsTab } from '../visits/VisitsTab';
import { HistoryTab } from './HistoryTab';
import { OverviewTab } from './OverviewTab';

export interface CompanyTabProps {
  company: Company;
  /** Fetch the company again after a change made inside the tab. */
  reload(): void;
}

export interface CompanyTab {
  id: string;
  labelKey: MessageKey;
  component: ComponentType<CompanyTabProps>;
}

/** The company page's tabs, in order. A later feature (visits, referrals, letters) adds one line. */
export const COMPANY_TABS: readonly CompanyTab[] = [
  { id: 'overview', labelKey: 'company.tab.overview', component: OverviewTab },
  { id: 'visits', labelKey: 'company.tab.visits', component: VisitsTab },
  { id: 'followups', labelKey: 'company.tab.followups', component: CompanyFollowUpsTab },
  { id: 'referrals', labelKey: 'referral.tab', component: ReferralsTab },
  { id: 'documents', labelKey: 'doc.tab', component: DocumentsTab },
  { id: 'attachments', labelKey: 'attachments.title', component: AttachmentsTab },
  { id: 'history', labelKey: 'company.tab.history', component: HistoryTab },
];
