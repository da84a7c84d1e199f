import { ATTACHMENT_FIELDS } from '../../../../src-shared/fields/attachments';
import { message } from '../../messages';
import type { EntitySpec } from './entity-types';
import { companyOwned } from './field-kit';

/** Attachments' records; their bytes are in the attachments folder, or in the export's zip. */
export const attachmentsEntity: EntitySpec = companyOwned({
  key: 'attachments',
  table: 'attachments',
  label: 'attachments.title',
  description: message('interop.entity.attachments'),
  fields: ATTACHMENT_FIELDS,
  audit: { entity: 'attachment', companyColumn: 'company_id' },
});
