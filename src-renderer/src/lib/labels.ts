import { COMPANY_STATUSES, LEGAL_FORMS } from '../../../src-shared/codes/companies';
import { labelKey } from '../../../src-shared/messages/code-labels';
import type { CompanyStatus, LegalForm } from '../api/types';
import type { MessageKey } from '../i18n/translate';

/** The label of a stored legal form, or undefined for a value that is not one (old or imported data). */
export function legalFormKey(value: string | null | undefined): MessageKey | undefined {
  const form = LEGAL_FORMS.find((f): f is LegalForm => f === value);
  return form ? labelKey.legalForm(form) : undefined;
}

export function isStatus(value: string): value is CompanyStatus {
  return (COMPANY_STATUSES as readonly string[]).includes(value);
}
