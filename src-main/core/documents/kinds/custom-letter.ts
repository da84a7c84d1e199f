import type { Database } from 'better-sqlite3';
import type { LetterSubject } from '../../../../src-shared/codes/documents';
import { formatLetterDate } from '../../../../src-shared/format/dates';
import type { Company } from '../../companies/schema';
import { getNetwork } from '../../networks/network-repo';
import {
  companyAddress,
  companyValues,
  contactValues,
  letterText,
  NOT_GIVEN,
  orNotGiven,
  pickContact,
} from '../common-values';
import { meetingOf } from '../network-invitation';
import type { BuildRequest, Built, Issue, KindBuilder } from './kind-types';
import { buildLagDraft } from './lag-draft';
import { buildReferralLetter } from './referral-letter';
import { buildVisitSummary } from './visit-summary';

/** A letter about the firm alone: the letterhead, the firm and its contact person. */
const buildCompanyLetter: KindBuilder = (db, company) => {
  const warnings: Issue[] = [];
  if (!companyAddress(company)) warnings.push({ key: 'doc.missing.address' });
  return {
    text: { ...companyValues(company), ...contactValues(pickContact(db, company.id, undefined)) },
    rows: {},
    missing: [],
    warnings,
    sources: { referralId: null, lagApplicationId: null, visitId: null },
    fileStem: '',
    title: '',
  };
};

/** The network's placeholders: its name and its next (or the chosen) meeting; the firm must be a member. */
export function networkValues(
  db: Database,
  company: Company,
  req: Pick<BuildRequest, 'networkId' | 'meetingId' | 'letterDate'>,
): { text: Record<string, string>; missing: Issue[] } {
  const network = req.networkId === undefined ? undefined : getNetwork(db, req.networkId);
  const member = network?.members.some((m) => m.companyId === company.id && m.leftOn === null);
  if (!network || !member) return { text: {}, missing: [{ key: 'doc.missing.network' }] };
  const meeting = meetingOf(network, req.meetingId, req.letterDate);
  return {
    text: {
      network_name: network.name,
      meeting_date: meeting ? formatLetterDate(meeting.heldOn) : NOT_GIVEN,
      meeting_place: orNotGiven(meeting?.place),
      meeting_topic: orNotGiven(meeting?.topic),
    },
    missing: [],
  };
}

const buildNetworkLetter: KindBuilder = (db, company, req) => {
  const base = buildCompanyLetter(db, company, req);
  const network = networkValues(db, company, req);
  return { ...base, text: { ...base.text, ...network.text }, missing: [...base.missing, ...network.missing] };
};

/**
 * A consultant's own kind reads its values like the built-in kind about the same record (the same
 * placeholders, the same preflight), and names its file and title after the kind.
 */
const BY_SUBJECT: Record<LetterSubject, KindBuilder> = {
  company: buildCompanyLetter,
  referral: buildReferralLetter,
  lag: buildLagDraft,
  visit: buildVisitSummary,
  network: buildNetworkLetter,
};

export function customLetterBuilder(kindName: string, subject: LetterSubject): KindBuilder {
  return (db, company, req): Built => {
    const built = BY_SUBJECT[subject](db, company, req);
    return {
      ...built,
      fileStem: letterText('letter.custom.fileStem', { kind: kindName, company: company.name }),
      title: letterText('letter.custom.title', { kind: kindName, company: company.name }),
    };
  };
}
