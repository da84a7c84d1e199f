import type { CompanyStatus, LegalForm } from '../api/types';
import type { MessageKey } from '../i18n/da';

/** Status codes in the order a case moves, each with its label (exhaustive by type). */
export const STATUS_KEYS: Record<CompanyStatus, MessageKey> = {
  identified: 'status.identified',
  contacted: 'status.contacted',
  visited: 'status.visited',
  needs_clarified: 'status.needs_clarified',
  in_progress: 'status.in_progress',
  closed: 'status.closed',
};
export const STATUSES = Object.keys(STATUS_KEYS) as CompanyStatus[];

export const LEGAL_FORM_KEYS: Record<LegalForm, MessageKey> = {
  enkeltmand: 'legalForm.enkeltmand',
  is: 'legalForm.is',
  aps: 'legalForm.aps',
  as: 'legalForm.as',
  ivs: 'legalForm.ivs',
  amba: 'legalForm.amba',
  fmba: 'legalForm.fmba',
  forening: 'legalForm.forening',
  other: 'legalForm.other',
};
export const LEGAL_FORMS = Object.keys(LEGAL_FORM_KEYS) as LegalForm[];

export function legalFormKey(value: string | null | undefined): MessageKey | undefined {
  return value && Object.hasOwn(LEGAL_FORM_KEYS, value) ? LEGAL_FORM_KEYS[value as LegalForm] : undefined;
}

export function isStatus(value: string): value is CompanyStatus {
  return Object.hasOwn(STATUS_KEYS, value);
}
