import type { CompanyTabProps } from '../company/company-tabs';
import { DeMinimisSection } from '../deminimis/DeMinimisSection';
import { KnowledgeSection } from './KnowledgeSection';
import { LagSection } from './LagSection';
import { MembershipsSection } from './MembershipsSection';
import { ReferralsSection } from './ReferralsSection';
import './outreach.css';

/** "Henvisninger": where the firm was sent for help — referrals, LAG applications, knowledge contacts. */
export function ReferralsTab({ company }: CompanyTabProps) {
  return (
    <div className="outreach">
      <ReferralsSection companyId={company.id} />
      <LagSection companyId={company.id} />
      <DeMinimisSection companyId={company.id} />
      <KnowledgeSection companyId={company.id} />
      <MembershipsSection companyId={company.id} />
    </div>
  );
}
