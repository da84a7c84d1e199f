import { type FieldDef, ref, when } from './field-types';

export const COMPANY_PRIVACY_FIELDS: readonly FieldDef[] = [
  ref('company', 'company_id', 'companies', true),
  when('closedAt', 'closed_at'),
  when('anonymisedAt', 'anonymised_at'),
];
