import {
  DOCUMENT_FIELDS,
  KNOWLEDGE_CONTACT_FIELDS,
  LAG_APPLICATION_FIELDS,
  LAG_BUDGET_LINE_FIELDS,
  REFERRAL_FIELDS,
  SUPPORT_SCHEME_FIELDS,
} from '../../../../src-shared/fields/outreach';
import { nowStamp } from '../../db/sql';
import { message } from '../../messages';
import type { EntitySpec } from './entity-types';
import { companyOwned, OWNED_BY_COMPANY } from './field-kit';

/** Support schemes are reference data known by their code; each database stamps its own seeds. */
export const supportSchemesEntity: EntitySpec = {
  key: 'supportSchemes',
  table: 'support_schemes',
  label: 'sheet.support_schemes',
  description: message('interop.entity.supportSchemes'),
  role: 'reference',
  identity: ['code'],
  refKey: 'code',
  fields: SUPPORT_SCHEME_FIELDS,
  derived: ['created_at'],
  computed: () => ({ created_at: nowStamp() }),
  orderBy: 't.id',
};

export const referralsEntity: EntitySpec = companyOwned({
  key: 'referrals',
  table: 'referrals',
  label: 'sheet.referrals',
  description: message('interop.entity.referrals'),
  fields: REFERRAL_FIELDS,
  derived: ['company_sort'],
  audit: { entity: 'referral', companyColumn: 'company_id' },
});

export const lagApplicationsEntity: EntitySpec = companyOwned({
  key: 'lagApplications',
  table: 'lag_applications',
  label: 'sheet.lag_applications',
  description: message('interop.entity.lagApplications'),
  fields: LAG_APPLICATION_FIELDS,
  derived: ['company_sort'],
  audit: { entity: 'lag_application', companyColumn: 'company_id' },
});

/** Budget lines have no uuid: an application's line is known by its position. */
export const lagBudgetLinesEntity: EntitySpec = {
  key: 'lagBudgetLines',
  table: 'lag_budget_lines',
  label: 'sheet.lag_budget_lines',
  description: message('interop.entity.lagBudgetLines'),
  role: 'owned',
  identity: ['application', 'position'],
  fields: LAG_BUDGET_LINE_FIELDS,
  ownedBy:
    't.application_id IN (SELECT a.id FROM lag_applications a WHERE a.company_id IN (SELECT value FROM json_each(?)))',
  orderBy: 't.application_id, t.position',
};

export const knowledgeContactsEntity: EntitySpec = companyOwned({
  key: 'knowledgeContacts',
  table: 'knowledge_contacts',
  label: 'sheet.knowledge_contacts',
  description: message('interop.entity.knowledgeContacts'),
  fields: KNOWLEDGE_CONTACT_FIELDS,
  audit: { entity: 'knowledge_contact', companyColumn: 'company_id' },
});

/**
 * Letters Bindeled generated for a company. The path is the writing computer's; the record travels, the
 * file does not. A letter of a consultant's own kind stays behind: its kind (and template) belong to
 * this database's settings, which a caseload file does not carry.
 */
export const documentsEntity: EntitySpec = companyOwned({
  key: 'documents',
  table: 'documents',
  label: 'sheet.documents',
  description: message('interop.entity.documents'),
  fields: DOCUMENT_FIELDS,
  ownedBy: `${OWNED_BY_COMPANY} AND t.letter_kind_id IS NULL`,
  derived: ['letter_kind_id'],
});
