import { message } from '../../messages';
import type { EntitySpec } from './entity-types';
import { f, OWNED_BY_COMPANY, ref } from './field-kit';

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
  fields: [
    ref('company', 'company_id', 'companies', true),
    f('closedAt', 'closed_at', 'timestamp'),
    f('anonymisedAt', 'anonymised_at', 'timestamp'),
  ],
  ownedBy: OWNED_BY_COMPANY,
  // Ids differ between databases; the companies' own order does not.
  orderBy: '(SELECT c.name_sort FROM companies c WHERE c.id = t.company_id), t.company_id',
};
