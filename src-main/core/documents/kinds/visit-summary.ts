import { formatDateDa, formatLetterDate } from '../../../../src-shared/format/dates';
import { companyAddress, companyValues, contactValues, needRows, orNotGiven, pickContact } from '../common-values';
import { visitSource } from '../visit-source';
import type { Issue, KindBuilder } from './kind-types';

const TYPE_DA = { visit: 'Besøg', phone: 'Telefonsamtale', meeting: 'Møde', email: 'E-mail' } as const;
const POTENTIAL_DA = ['Meget lille', 'Lille', 'Middel', 'Stort', 'Meget stort'] as const;

function timeText(start: string | null, minutes: number | null): string {
  const parts: string[] = [];
  if (start) parts.push(`kl. ${start}`);
  if (minutes) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    parts.push(h ? `${h} t.${m ? ` ${m} min.` : ''}` : `${m} min.`);
  }
  return parts.length ? parts.join(', ') : 'Ikke oplyst';
}

/** A summary of the latest (or a chosen) visit, written to the firm itself. */
export const buildVisitSummary: KindBuilder = (db, company, req) => {
  const missing: Issue[] = [];
  const warnings: Issue[] = [];
  const visit = visitSource().visitFor(db, company.id, req.visitId);
  if (visit === null) missing.push({ key: 'doc_visits_unavailable' });
  else if (!visit) missing.push({ key: 'doc_missing_visit' });
  const contact = pickContact(db, company.id, undefined);
  if (!contact) missing.push({ key: 'doc_missing_contact' });
  if (!companyAddress(company)) warnings.push({ key: 'doc_missing_address' });

  const followups = (visit?.followups ?? []).filter((f) => !f.done);
  return {
    text: {
      ...companyValues(company),
      ...contactValues(contact),
      visit_date: visit ? formatLetterDate(visit.date) : '',
      visit_time: timeText(visit?.startTime ?? null, visit?.durationMinutes ?? null),
      visit_type: visit ? TYPE_DA[visit.type] : '',
      visit_location: orNotGiven(visit?.location),
      participants: orNotGiven(visit?.participants.join(', ')),
      consultant_name: orNotGiven(visit?.consultantName),
      business_description: orNotGiven(visit?.businessDescription),
      needs_text: visit?.needsText ?? '',
      potential: visit?.potential ? (POTENTIAL_DA[visit.potential - 1] ?? 'Ikke vurderet') : 'Ikke vurderet',
      advice_given: visit?.adviceGiven ? 'Ja' : 'Nej',
      next_steps: orNotGiven(visit?.nextSteps),
    },
    rows: {
      needs: needRows(visit?.needs ?? []),
      followups: followups.length
        ? followups.map((f) => ({ due: formatDateDa(f.dueDate), title: f.title }))
        : [{ due: '–', title: 'Ingen aftalte opfølgninger' }],
    },
    missing,
    warnings,
    sources: { referralId: null, lagApplicationId: null, visitId: visit?.id ?? null },
    fileStem: `Besøgsreferat - ${company.name}`,
    title: `Referat af besøg hos ${company.name}`,
  };
};
