import { ANNEX_KINDS } from '../codes/attachments';
import { type FieldDef, f, int, ref, text, uuid } from './field-types';

/**
 * An attachment's record in the caseload file: what it is called and which bytes it names
 * (`sha256`). The bytes travel beside the file in an export "with files" (docs/caseload-file.md).
 */
export const ATTACHMENT_FIELDS: readonly FieldDef[] = [
  uuid(),
  ref('company', 'company_id', 'companies', true),
  ref('visit', 'visit_id', 'visits'),
  ref('referral', 'referral_id', 'referrals'),
  ref('lagApplication', 'lag_application_id', 'lagApplications'),
  f('annex', 'annex', 'text', { enum: ANNEX_KINDS }),
  text('name', 'name', 255, true),
  text('mediaType', 'media_type', 200, true),
  int('sizeBytes', 'size_bytes', true),
  text('sha256', 'sha256', 64, true),
  text('addedBy', 'added_by', 200, true),
  f('createdAt', 'created_at', 'timestamp', { required: true }),
];
