import { formatDateDa, formatLetterDate } from '../../../../src-shared/format/dates';
import { labelKey } from '../../../../src-shared/messages/code-labels';
import { POTENTIAL_LEVELS } from '../../domain/needs';
import {
  companyAddress,
  companyValues,
  contactValues,
  letterText,
  NOT_GIVEN,
  needRows,
  orNotGiven,
  pickContact,
} from '../common-values';
import { visitSource } from '../visit-source';
import type { Issue, KindBuilder } from './kind-types';

function timeText(start: string | null, minutes: number | null): string {
  const parts: string[] = [];
  if (start) parts.push(letterText('letter.time.at', { time: start }));
  if (minutes) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    const key = !hours ? 'letter.duration.minutes' : rest ? 'letter.duration.hoursMinutes' : 'letter.duration.hours';
    parts.push(letterText(key, { hours, minutes: rest }));
  }
  return parts.length ? parts.join(', ') : NOT_GIVEN;
}

/** A summary of the latest (or a chosen) visit, written to the firm itself. */
export const buildVisitSummary: KindBuilder = (db, company, req) => {
  const missing: Issue[] = [];
  const warnings: Issue[] = [];
  const visit = visitSource().visitFor(db, company.id, req.visitId);
  if (visit === null) missing.push({ key: 'doc.visitsUnavailable' });
  else if (!visit) missing.push({ key: 'doc.missing.visit' });
  const contact = pickContact(db, company.id, undefined);
  if (!contact) missing.push({ key: 'doc.missing.contact' });
  if (!companyAddress(company)) warnings.push({ key: 'doc.missing.address' });

  const followups = (visit?.followups ?? []).filter((f) => !f.done);
  const potential = POTENTIAL_LEVELS.find((level) => level === visit?.potential);
  return {
    text: {
      ...companyValues(company),
      ...contactValues(contact),
      visit_date: visit ? formatLetterDate(visit.date) : '',
      visit_time: timeText(visit?.startTime ?? null, visit?.durationMinutes ?? null),
      visit_type: visit ? letterText(`letter.visitType.${visit.type}`) : '',
      visit_location: orNotGiven(visit?.location),
      participants: orNotGiven(visit?.participants.join(', ')),
      consultant_name: orNotGiven(visit?.consultantName),
      business_description: orNotGiven(visit?.businessDescription),
      needs_text: visit?.needsText ?? '',
      potential: potential ? letterText(labelKey.potential(potential)) : letterText('letter.notAssessed'),
      advice_given: letterText(visit?.adviceGiven ? 'common.yes' : 'common.no'),
      next_steps: orNotGiven(visit?.nextSteps),
    },
    rows: {
      needs: needRows(visit?.needs ?? []),
      followups: followups.length
        ? followups.map((f) => ({ due: formatDateDa(f.dueDate), title: f.title }))
        : [{ due: '–', title: letterText('letter.visitSummary.noFollowups') }],
    },
    missing,
    warnings,
    sources: { referralId: null, lagApplicationId: null, visitId: visit?.id ?? null },
    fileStem: letterText('letter.visitSummary.fileStem', { company: company.name }),
    title: letterText('letter.visitSummary.title', { company: company.name }),
  };
};
