import { nowStamp } from '../../db/sql';
import { DOCUMENT_KINDS } from '../../documents/document-schema';
import { KNOWLEDGE_TYPES } from '../../knowledge/knowledge-schema';
import { LAG_STATUSES } from '../../lag/lag-schema';
import { message } from '../../messages';
import { REFERRAL_OUTCOMES, REFERRAL_STATUSES } from '../../referrals/referral-schema';
import type { EntitySpec } from './entity-types';
import { f, OWNED_BY_COMPANY, ref, stamps, text, uuid } from './field-kit';

const int = (prop: string, column: string, required = false) => f(prop, column, 'integer', { required });
const date = (prop: string, column: string, required = false) => f(prop, column, 'date', { required });
const when = (prop: string, column: string) => f(prop, column, 'timestamp');

/** Support schemes are reference data known by their code; each database stamps its own seeds. */
export const supportSchemesEntity: EntitySpec = {
  key: 'supportSchemes',
  table: 'support_schemes',
  label: 'sheet.support_schemes',
  description: message('interop.entity.supportSchemes'),
  role: 'reference',
  identity: ['code'],
  refKey: 'code',
  fields: [
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
  ],
  derived: ['created_at'],
  computed: () => ({ created_at: nowStamp() }),
  orderBy: 't.id',
};

export const referralsEntity: EntitySpec = {
  key: 'referrals',
  table: 'referrals',
  label: 'sheet.referrals',
  description: message('interop.entity.referrals'),
  role: 'owned',
  identity: ['uuid'],
  refKey: 'uuid',
  fields: [
    uuid(),
    ref('company', 'company_id', 'companies', true),
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
    ...stamps(),
  ],
  ownedBy: OWNED_BY_COMPANY,
  orderBy: 't.id',
  audit: { entity: 'referral', companyColumn: 'company_id' },
};

export const lagApplicationsEntity: EntitySpec = {
  key: 'lagApplications',
  table: 'lag_applications',
  label: 'sheet.lag_applications',
  description: message('interop.entity.lagApplications'),
  role: 'owned',
  identity: ['uuid'],
  refKey: 'uuid',
  fields: [
    uuid(),
    ref('company', 'company_id', 'companies', true),
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
    ...stamps(),
  ],
  ownedBy: OWNED_BY_COMPANY,
  orderBy: 't.id',
  audit: { entity: 'lag_application', companyColumn: 'company_id' },
};

/** Budget lines have no uuid: an application's line is known by its position. */
export const lagBudgetLinesEntity: EntitySpec = {
  key: 'lagBudgetLines',
  table: 'lag_budget_lines',
  label: 'sheet.lag_budget_lines',
  description: message('interop.entity.lagBudgetLines'),
  role: 'owned',
  identity: ['application', 'position'],
  fields: [
    ref('application', 'application_id', 'lagApplications', true),
    int('position', 'position', true),
    text('category', 'category', 200, true),
    text('description', 'description', 2000, true),
    text('supplier', 'supplier', 300),
    int('amountOre', 'amount_ore', true),
    text('quoteRef', 'quote_ref', 300),
  ],
  ownedBy:
    't.application_id IN (SELECT a.id FROM lag_applications a WHERE a.company_id IN (SELECT value FROM json_each(?)))',
  orderBy: 't.application_id, t.position',
};

export const knowledgeContactsEntity: EntitySpec = {
  key: 'knowledgeContacts',
  table: 'knowledge_contacts',
  label: 'sheet.knowledge_contacts',
  description: message('interop.entity.knowledgeContacts'),
  role: 'owned',
  identity: ['uuid'],
  refKey: 'uuid',
  fields: [
    uuid(),
    ref('company', 'company_id', 'companies', true),
    ref('organisation', 'organisation_id', 'organisations'),
    text('personName', 'person_name', 200),
    f('type', 'type', 'text', { required: true, enum: KNOWLEDGE_TYPES }),
    date('contactOn', 'contact_on', true),
    text('topic', 'topic', 2000),
    text('outcome', 'outcome'),
    ref('consultant', 'consultant_id', 'consultants'),
    ...stamps(),
  ],
  ownedBy: OWNED_BY_COMPANY,
  orderBy: 't.id',
  audit: { entity: 'knowledge_contact', companyColumn: 'company_id' },
};

/** Letters Bindeled generated for a company. The path is the writing computer's; the record travels, the file does not. */
export const documentsEntity: EntitySpec = {
  key: 'documents',
  table: 'documents',
  label: 'sheet.documents',
  description: message('interop.entity.documents'),
  role: 'owned',
  identity: ['uuid'],
  refKey: 'uuid',
  fields: [
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
  ],
  ownedBy: OWNED_BY_COMPANY,
  orderBy: 't.id',
};
