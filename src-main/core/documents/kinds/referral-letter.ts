import { formatLetterDate } from '../../../../src-shared/format/dates';
import { get } from '../../db/sql';
import { getReferral, latestBusinessHouseReferral } from '../../referrals/referral-repo';
import type { Referral } from '../../referrals/referral-schema';
import {
  companyAddress,
  companyValues,
  contactValues,
  kommuneName,
  letterText,
  NOT_GIVEN,
  needRows,
  orNotGiven,
  pickContact,
} from '../common-values';
import type { Built, Issue, KindBuilder } from './kind-types';
import { localActivity } from './local-activity';

/** A case reference the recipient can quote back when the consultant gave none: "H-2011-0042". */
function defaultCaseRef(r: Referral): string {
  return `H-${(r.sentAt ?? r.createdAt).slice(0, 4)}-${String(r.id).padStart(4, '0')}`;
}

/** The referral letter to the erhvervshus/Væksthus, with every item docs/domain.md lists. */
export const buildReferralLetter: KindBuilder = (db, company, req) => {
  const missing: Issue[] = [];
  const warnings: Issue[] = [];
  let referral: Referral | undefined;
  if (req.referralId !== undefined) {
    referral = getReferral(db, req.referralId);
    if (referral.companyId !== company.id) referral = undefined;
  } else {
    referral = latestBusinessHouseReferral(db, company.id);
  }
  if (!referral) missing.push({ key: 'doc.missing.referral' });
  else if (referral.organisationType !== 'erhvervshus' && referral.organisationType !== 'vaeksthus')
    missing.push({ key: 'doc.referralWrongOrg' });
  const contact = pickContact(db, company.id, referral?.contactId);
  if (!contact) missing.push({ key: 'doc.missing.contact' });
  if (referral && !referral.consentOn) missing.push({ key: 'doc.missing.consent' });
  if (referral && referral.needs.length === 0 && !referral.needsText) missing.push({ key: 'doc.missing.needs' });
  if (!company.cvr) warnings.push({ key: 'doc.missing.cvr' });
  if (!companyAddress(company)) warnings.push({ key: 'doc.missing.address' });

  const org = referral
    ? get<{ name: string; address: string | null; postcode: string | null; city: string | null }>(
        db,
        'SELECT name, address, postcode, city FROM organisations WHERE id = ?',
        [referral.organisationId],
      )
    : undefined;
  const recipient = org?.name ?? '';
  const activity = localActivity(db, company.id);

  const built: Built = {
    text: {
      ...companyValues(company),
      ...contactValues(contact),
      recipient_name: recipient,
      recipient_address: org ? companyAddress(org) : '',
      case_ref: referral ? (referral.caseRef ?? defaultCaseRef(referral)) : '',
      sender_kommune: orNotGiven(kommuneName(company.kommune)),
      consent_line:
        referral?.consentOn && contact
          ? letterText('letter.referral.consent', {
              company: company.name,
              contact: contact.name,
              date: formatLetterDate(referral.consentOn),
              recipient,
            })
          : '',
      reason: referral?.reason ?? '',
      first_contact: referral?.firstContactOn ? formatLetterDate(referral.firstContactOn) : NOT_GIVEN,
      background: orNotGiven(referral?.background),
      needs_text: referral?.needsText ?? '',
      local_actions: referral?.localActions ?? '',
      requested_action: referral?.requestedAction ?? letterText('letter.referral.defaultRequest'),
      scheme_name: orNotGiven(referral?.schemeName),
    },
    rows: {
      needs: needRows(referral?.needs ?? []),
      local: activity.length ? activity : [{ date: '–', text: letterText('letter.referral.noActivity') }],
      annexes: referral?.annexes.length
        ? referral.annexes.map((text) => ({ text }))
        : [{ text: letterText('letter.noAnnexes') }],
    },
    missing,
    warnings,
    sources: { referralId: referral?.id ?? null, lagApplicationId: null, visitId: null },
    fileStem: letterText('letter.referral.fileStem', { company: company.name }),
    title: letterText('letter.referral.title', {
      company: company.name,
      recipient: recipient || letterText('organisation.type.erhvervshus'),
    }),
  };
  return built;
};
