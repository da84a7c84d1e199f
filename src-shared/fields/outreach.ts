import { DOCUMENT_KINDS } from '../codes/documents';
import { KNOWLEDGE_TYPES, LAG_STATUSES, REFERRAL_OUTCOMES, REFERRAL_STATUSES } from '../codes/outreach';
import { companyRecord, date, type FieldDef, f, int, ref, text, uuid, when } from './field-types';

export const SUPPORT_SCHEME_FIELDS: readonly FieldDef[] = [
  text('code', 'code', 100, true),
  text('name', 'name', 300, true),
  f('kind', 'kind', 'text', { required: true, enum: ['lag', 'advice', 'other'] }),
  text('operator', 'operator', 300, true),
  int('maxGrantBp', 'max_grant_bp', true),
  int('maxGrantBpFood', 'max_grant_bp_food'),
  int('minAmountOre', 'min_amount_ore'),
  int('maxAmountOre', 'max_amount_ore'),
  f('ownHoursAllowed', 'own_hours_allowed', 'boolean', { required: true }),
  f('deMinimis', 'de_minimis', 'boolean', { required: true }),
  date('validFrom', 'valid_from'),
  date('validTo', 'valid_to'),
  text('note', 'note', 2000),
  f('active', 'active', 'boolean', { required: true }),
];

export const REFERRAL_FIELDS: readonly FieldDef[] = companyRecord(
  ref('organisation', 'organisation_id', 'organisations', true),
  ref('contact', 'contact_id', 'contacts'),
  ref('consultant', 'consultant_id', 'consultants'),
  ref('scheme', 'scheme_id', 'supportSchemes'),
  text('caseRef', 'case_ref', 100),
  text('reason', 'reason', 10_000, true),
  f('needs', 'needs', 'json', { required: true }),
  text('needsText', 'needs_text'),
  text('background', 'background'),
  date('firstContactOn', 'first_contact_on'),
  text('localActions', 'local_actions'),
  text('requestedAction', 'requested_action'),
  date('consentOn', 'consent_on'),
  f('annexes', 'annexes', 'json', { required: true }),
  f('status', 'status', 'text', { required: true, enum: REFERRAL_STATUSES }),
  when('sentAt', 'sent_at'),
  when('receivedAt', 'received_at'),
  when('closedAt', 'closed_at'),
  f('outcome', 'outcome', 'text', { enum: REFERRAL_OUTCOMES }),
  int('outcomeAmountOre', 'outcome_amount_ore'),
  date('outcomeOn', 'outcome_on'),
  text('outcomeNote', 'outcome_note'),
);

export const LAG_APPLICATION_FIELDS: readonly FieldDef[] = companyRecord(
  ref('lag', 'lag_id', 'organisations', true),
  ref('scheme', 'scheme_id', 'supportSchemes'),
  ref('contact', 'contact_id', 'contacts'),
  ref('consultant', 'consultant_id', 'consultants'),
  text('title', 'title', 300, true),
  text('theme', 'theme', 300),
  text('purpose', 'purpose'),
  text('activities', 'activities'),
  f('effectJobs', 'effect_jobs', 'real'),
  int('effectTurnoverOre', 'effect_turnover_ore'),
  text('effectProducts', 'effect_products'),
  text('effectOther', 'effect_other'),
  date('periodStart', 'period_start'),
  date('periodEnd', 'period_end'),
  f('foodProcessing', 'food_processing', 'boolean', { required: true }),
  int('grantRequestedOre', 'grant_requested_ore', true),
  int('ownCashOre', 'own_cash_ore', true),
  f('ownHours', 'own_hours', 'real', { required: true }),
  int('ownHoursOre', 'own_hours_ore', true),
  int('otherPublicOre', 'other_public_ore', true),
  text('otherPublicSource', 'other_public_source', 300),
  int('deMinimisPriorOre', 'de_minimis_prior_ore'),
  f('annexes', 'annexes', 'json', { required: true }),
  date('deadline', 'deadline'),
  f('status', 'status', 'text', { required: true, enum: LAG_STATUSES }),
  when('submittedAt', 'submitted_at'),
  when('decidedAt', 'decided_at'),
  int('grantAwardedOre', 'grant_awarded_ore'),
  when('paidAt', 'paid_at'),
);

export const LAG_BUDGET_LINE_FIELDS: readonly FieldDef[] = [
  ref('application', 'application_id', 'lagApplications', true),
  int('position', 'position', true),
  text('category', 'category', 200, true),
  text('description', 'description', 2000, true),
  text('supplier', 'supplier', 300),
  int('amountOre', 'amount_ore', true),
  text('quoteRef', 'quote_ref', 300),
];

export const KNOWLEDGE_CONTACT_FIELDS: readonly FieldDef[] = companyRecord(
  ref('organisation', 'organisation_id', 'organisations'),
  text('personName', 'person_name', 200),
  f('type', 'type', 'text', { required: true, enum: KNOWLEDGE_TYPES }),
  date('contactOn', 'contact_on', true),
  text('topic', 'topic', 2000),
  text('outcome', 'outcome'),
  ref('consultant', 'consultant_id', 'consultants'),
);

/** The path is the writing computer's; the record travels, the file does not. */
export const DOCUMENT_FIELDS: readonly FieldDef[] = [
  uuid(),
  ref('company', 'company_id', 'companies', true),
  f('kind', 'kind', 'text', { required: true, enum: DOCUMENT_KINDS }),
  text('path', 'path', 2000, true),
  text('fileName', 'file_name', 300, true),
  text('sha256', 'sha256', 64, true),
  int('sizeBytes', 'size_bytes', true),
  text('templateId', 'template_id', 200, true),
  ref('referral', 'referral_id', 'referrals'),
  ref('lagApplication', 'lag_application_id', 'lagApplications'),
  ref('visit', 'visit_id', 'visits'),
  date('letterDate', 'letter_date', true),
  f('createdAt', 'created_at', 'timestamp', { required: true }),
];
