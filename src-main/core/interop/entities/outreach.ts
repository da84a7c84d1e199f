import {
  DOCUMENT_FIELDS,
  KNOWLEDGE_CONTACT_FIELDS,
  LAG_APPLICATION_FIELDS,
  LAG_BUDGET_LINE_FIELDS,
  REFERRAL_FIELDS,
  SUPPORT_SCHEME_FIELDS,
} from '../../../../src-shared/fields/outreach';
import { nowStamp } from '../../db/sql';
import type { EntitySpec } from './entity-types';
import { companyOwned } from './field-kit';

/** Support schemes are reference data known by their code; each database stamps its own seeds. */
export const supportSchemesEntity: EntitySpec = {
  key: 'supportSchemes',
  table: 'support_schemes',
  label: 'sheet_support_schemes',
  description: 'Støtteordninger (LAG, rådgivningstilskud) som data; kendt på deres kode.',
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
  label: 'sheet_referrals',
  description: 'Henvisninger til erhvervshus/Væksthus og deres udfald.',
  fields: REFERRAL_FIELDS,
  audit: { entity: 'referral', companyColumn: 'company_id' },
});

export const lagApplicationsEntity: EntitySpec = companyOwned({
  key: 'lagApplications',
  table: 'lag_applications',
  label: 'sheet_lag_applications',
  description: 'LAG-ansøgninger (udkast og status), med finansiering.',
  fields: LAG_APPLICATION_FIELDS,
  audit: { entity: 'lag_application', companyColumn: 'company_id' },
});

/** Budget lines have no uuid: an application's line is known by its position. */
export const lagBudgetLinesEntity: EntitySpec = {
  key: 'lagBudgetLines',
  table: 'lag_budget_lines',
  label: 'sheet_lag_budget_lines',
  description: 'Budgetlinjer i en LAG-ansøgning, kendt på ansøgning og plads.',
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
  label: 'sheet_knowledge_contacts',
  description: 'Kontakter til videninstitutioner, forskere og mentorer.',
  fields: KNOWLEDGE_CONTACT_FIELDS,
  audit: { entity: 'knowledge_contact', companyColumn: 'company_id' },
});

/** Letters Bindeled generated for a company. The path is the writing computer's; the record travels, the file does not. */
export const documentsEntity: EntitySpec = companyOwned({
  key: 'documents',
  table: 'documents',
  label: 'sheet_documents',
  description:
    'Dokumenter (breve) lavet til en virksomhed: hvilke, hvornår og med hvilken skabelon. Stien gælder den computer, der lavede dem.',
  fields: DOCUMENT_FIELDS,
});
