import { NEED_KEYS, VISIT_TYPES } from '../../domain/needs';
import { message } from '../../messages';
import type { EntitySpec } from './entity-types';
import { f, OWNED_BY_COMPANY, ref, stamps, text, uuid } from './field-kit';

const OF_VISITS = 't.visit_id IN (SELECT v.id FROM visits v WHERE v.company_id IN (SELECT value FROM json_each(?)))';

export const visitsEntity: EntitySpec = {
  key: 'visits',
  table: 'visits',
  label: 'sheet.visits',
  description: message('interop.entity.visits'),
  role: 'owned',
  identity: ['uuid'],
  refKey: 'uuid',
  fields: [
    uuid(),
    ref('company', 'company_id', 'companies', true),
    f('date', 'date', 'date', { required: true }),
    text('startTime', 'start_time', 5),
    f('durationMinutes', 'duration_minutes', 'integer'),
    f('type', 'type', 'text', { required: true, enum: VISIT_TYPES }),
    ref('consultant', 'consultant_id', 'consultants'),
    text('location', 'location', 200),
    text('businessDescription', 'business_description'),
    text('needsText', 'needs_text'),
    f('potential', 'potential', 'integer'),
    f('adviceGiven', 'advice_given', 'boolean', { required: true }),
    text('nextSteps', 'next_steps'),
    text('notes', 'notes', 100_000),
    ...stamps(),
  ],
  ownedBy: OWNED_BY_COMPANY,
  orderBy: 't.id',
  audit: { entity: 'visit', companyColumn: 'company_id' },
};

/** The needs ticked on a visit: a link table without an id of its own. */
export const visitNeedsEntity: EntitySpec = {
  key: 'visitNeeds',
  table: 'visit_needs',
  label: 'sheet.visit_needs',
  description: message('interop.entity.visitNeeds'),
  role: 'owned',
  identity: ['visit', 'need'],
  hasId: false,
  fields: [ref('visit', 'visit_id', 'visits', true), f('need', 'need', 'text', { required: true, enum: NEED_KEYS })],
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
  fields: [ref('visit', 'visit_id', 'visits', true), ref('contact', 'contact_id', 'contacts', true)],
  ownedBy: OF_VISITS,
  orderBy: 't.visit_id, t.contact_id',
};

export const followupsEntity: EntitySpec = {
  key: 'followups',
  table: 'followups',
  label: 'sheet.followups',
  description: message('interop.entity.followups'),
  role: 'owned',
  identity: ['uuid'],
  refKey: 'uuid',
  fields: [
    uuid(),
    ref('company', 'company_id', 'companies', true),
    ref('visit', 'visit_id', 'visits'),
    text('title', 'title', 200, true),
    text('description', 'description'),
    f('dueDate', 'due_date', 'date', { required: true }),
    f('snoozedUntil', 'snoozed_until', 'date'),
    ref('consultant', 'consultant_id', 'consultants'),
    f('doneAt', 'done_at', 'timestamp'),
    ...stamps(),
  ],
  derived: ['effective_due'],
  ownedBy: OWNED_BY_COMPANY,
  orderBy: 't.id',
  audit: { entity: 'followup', companyColumn: 'company_id' },
};
