import { NEED_KEYS, VISIT_TYPES } from '../codes/visits';
import { companyRecord, type FieldDef, f, int, ref, text, when } from './field-types';

export const VISIT_FIELDS: readonly FieldDef[] = companyRecord(
  f('date', 'date', 'date', { required: true }),
  text('startTime', 'start_time', 5),
  int('durationMinutes', 'duration_minutes'),
  f('type', 'type', 'text', { required: true, enum: VISIT_TYPES }),
  ref('consultant', 'consultant_id', 'consultants'),
  text('location', 'location', 200),
  text('businessDescription', 'business_description'),
  text('needsText', 'needs_text'),
  int('potential', 'potential'),
  f('adviceGiven', 'advice_given', 'boolean', { required: true }),
  text('nextSteps', 'next_steps'),
  text('notes', 'notes', 100_000),
);

export const VISIT_NEED_FIELDS: readonly FieldDef[] = [
  ref('visit', 'visit_id', 'visits', true),
  f('need', 'need', 'text', { required: true, enum: NEED_KEYS }),
];

export const VISIT_PARTICIPANT_FIELDS: readonly FieldDef[] = [
  ref('visit', 'visit_id', 'visits', true),
  ref('contact', 'contact_id', 'contacts', true),
];

export const FOLLOWUP_FIELDS: readonly FieldDef[] = companyRecord(
  ref('visit', 'visit_id', 'visits'),
  text('title', 'title', 200, true),
  text('description', 'description'),
  f('dueDate', 'due_date', 'date', { required: true }),
  f('snoozedUntil', 'snoozed_until', 'date'),
  ref('consultant', 'consultant_id', 'consultants'),
  when('doneAt', 'done_at'),
);
