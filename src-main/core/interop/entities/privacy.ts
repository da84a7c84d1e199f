import { COMPANY_PRIVACY_FIELDS } from '../../../../src-shared/fields/privacy';
import { message } from '../../messages';
import type { EntitySpec } from './entity-types';
import { OWNED_BY_COMPANY } from './field-kit';

/**
 * When a case was closed and whether it was anonymised: retention counts from the close, so a
 * handed-over firm keeps its date instead of the day it was imported (a trigger writes "now" when
 * a closed firm is inserted; the file's row then replaces it).
 */
export const companyPrivacyEntity: EntitySpec = {
  key: 'companyPrivacy',
  table: 'company_privacy',
  label: 'sheet.company_privacy',
  description: message('interop.entity.companyPrivacy'),
  role: 'owned',
  identity: ['company'],
  idColumn: 'company_id',
  fields: COMPANY_PRIVACY_FIELDS,
  ownedBy: OWNED_BY_COMPANY,
  // Ids differ between databases; the companies' own order does not.
  orderBy: '(SELECT c.name_sort FROM companies c WHERE c.id = t.company_id), t.company_id',
};
