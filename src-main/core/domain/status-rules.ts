import { COMPANY_STATUSES, type CompanyStatus } from './company-status';
import type { VisitType } from './needs';

/**
 * How a case moves with the work: a call, e-mail or meeting makes a firm contacted, a
 * visit makes it visited, recorded needs make them clarified, a follow-up or referral puts the
 * case in progress. Work never moves a case backwards; only a person does, by hand.
 */
export function statusRank(status: CompanyStatus): number {
  return COMPANY_STATUSES.indexOf(status);
}

/** The later of the two: the automatic move only ever goes forwards (and never out of closed). */
export function advanceStatus(current: CompanyStatus, target: CompanyStatus): CompanyStatus {
  return statusRank(target) > statusRank(current) ? target : current;
}

/** The status a recorded contact implies on its own. */
export function statusForContact(type: VisitType, hasNeeds: boolean, hasFollowups: boolean): CompanyStatus {
  if (hasFollowups) return 'in_progress';
  if (hasNeeds) return 'needs_clarified';
  return type === 'visit' ? 'visited' : 'contacted';
}
