import {
  FOLLOWUP_FIELDS,
  VISIT_FIELDS,
  VISIT_NEED_FIELDS,
  VISIT_PARTICIPANT_FIELDS,
} from '../../../../src-shared/fields/visits';
import { message } from '../../messages';
import type { EntitySpec } from './entity-types';
import { companyOwned } from './field-kit';

const OF_VISITS = 't.visit_id IN (SELECT v.id FROM visits v WHERE v.company_id IN (SELECT value FROM json_each(?)))';

export const visitsEntity: EntitySpec = companyOwned({
  key: 'visits',
  table: 'visits',
  label: 'sheet.visits',
  description: message('interop.entity.visits'),
  fields: VISIT_FIELDS,
  audit: { entity: 'visit', companyColumn: 'company_id' },
});

/** The needs ticked on a visit: a link table without an id of its own. */
export const visitNeedsEntity: EntitySpec = {
  key: 'visitNeeds',
  table: 'visit_needs',
  label: 'sheet.visit_needs',
  description: message('interop.entity.visitNeeds'),
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
  label: 'sheet.visit_participants',
  description: message('interop.entity.visitParticipants'),
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
  label: 'sheet.followups',
  description: message('interop.entity.followups'),
  fields: FOLLOWUP_FIELDS,
  derived: ['effective_due'],
  audit: { entity: 'followup', companyColumn: 'company_id' },
});
