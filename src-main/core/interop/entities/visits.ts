import {
  FOLLOWUP_FIELDS,
  VISIT_FIELDS,
  VISIT_NEED_FIELDS,
  VISIT_PARTICIPANT_FIELDS,
} from '../../../../src-shared/fields/visits';
import type { EntitySpec } from './entity-types';
import { companyOwned } from './field-kit';

const OF_VISITS = 't.visit_id IN (SELECT v.id FROM visits v WHERE v.company_id IN (SELECT value FROM json_each(?)))';

export const visitsEntity: EntitySpec = companyOwned({
  key: 'visits',
  table: 'visits',
  label: 'sheet_visits',
  description: 'Besøg, opkald, møder og e-mails med en virksomhed.',
  fields: VISIT_FIELDS,
  audit: { entity: 'visit', companyColumn: 'company_id' },
});

/** The needs ticked on a visit: a link table without an id of its own. */
export const visitNeedsEntity: EntitySpec = {
  key: 'visitNeeds',
  table: 'visit_needs',
  label: 'sheet_visit_needs',
  description: 'Behov afkrydset ved et besøg.',
  role: 'owned',
  identity: ['visit', 'need'],
  hasId: false,
  fields: VISIT_NEED_FIELDS,
  ownedBy: OF_VISITS,
  orderBy: 't.visit_id, t.need',
};

/** Who took part in a visit: contact persons of the same company. */
export const visitParticipantsEntity: EntitySpec = {
  key: 'visitParticipants',
  table: 'visit_participants',
  label: 'sheet_visit_participants',
  description: 'Kontaktpersoner, der deltog i et besøg.',
  role: 'owned',
  identity: ['visit', 'contact'],
  hasId: false,
  fields: VISIT_PARTICIPANT_FIELDS,
  ownedBy: OF_VISITS,
  orderBy: 't.visit_id, t.contact_id',
};

export const followupsEntity: EntitySpec = companyOwned({
  key: 'followups',
  table: 'followups',
  label: 'sheet_followups',
  description: 'Opfølgninger: hvad der er lovet, til hvornår, og om det er gjort.',
  fields: FOLLOWUP_FIELDS,
  derived: ['effective_due'],
  audit: { entity: 'followup', companyColumn: 'company_id' },
});
