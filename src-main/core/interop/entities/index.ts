import { attachmentsEntity } from './attachments';
import { companiesEntity } from './companies';
import { contactsEntity } from './contacts';
import type { EntitySpec } from './entity-types';
import { networkMeetingsEntity, networkMembersEntity, networksEntity } from './networks';
import {
  documentsEntity,
  knowledgeContactsEntity,
  lagApplicationsEntity,
  lagBudgetLinesEntity,
  referralsEntity,
  supportSchemesEntity,
} from './outreach';
import { companyPrivacyEntity } from './privacy';
import { consultantsEntity, organisationsEntity } from './reference';
import { companyTagsEntity, tagsEntity } from './tags';
import { followupsEntity, visitNeedsEntity, visitParticipantsEntity, visitsEntity } from './visits';

/**
 * Every entity the caseload file carries, in dependency order: an entity comes after every
 * entity it refers to. Adding one is one module and one line here; the JSON Schema, the export,
 * the import and the schema guard test all follow from the list.
 */
export const ENTITIES: readonly EntitySpec[] = [
  consultantsEntity,
  organisationsEntity,
  supportSchemesEntity,
  tagsEntity,
  companiesEntity,
  contactsEntity,
  companyPrivacyEntity,
  companyTagsEntity,
  visitsEntity,
  visitNeedsEntity,
  visitParticipantsEntity,
  followupsEntity,
  referralsEntity,
  lagApplicationsEntity,
  lagBudgetLinesEntity,
  knowledgeContactsEntity,
  networksEntity,
  networkMembersEntity,
  networkMeetingsEntity,
  documentsEntity,
  attachmentsEntity,
];

export function entityByKey(key: string): EntitySpec | undefined {
  return ENTITIES.find((e) => e.key === key);
}
