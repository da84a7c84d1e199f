import { type MessageKey, message } from '../messages';
import type { DocumentKind, PlaceholderInfo } from './document-schema';

/** A placeholder's description is the catalogue's `placeholder.<key>`, so each listed key needs one. */
type PlaceholderKey = MessageKey extends infer K ? (K extends `placeholder.${infer P}` ? P : never) : never;

/**
 * Every placeholder Bindeled fills, per document kind. A template may leave any out (its document
 * then does not show that item) but must not hold one that is not listed: it would stay unfilled.
 * Keys with a dot are table rows: `budget.amount` repeats its table row once per budget line.
 */
type Entry = [key: PlaceholderKey, required?: boolean];

const LETTERHEAD: Entry[] = [
  ['logo'],
  ['org_name', true],
  ['org_address'],
  ['org_contact'],
  ['org_footer'],
  ['letter_date', true],
  ['signature_name', true],
  ['signature_title'],
  ['signature_contact'],
];

const COMPANY: Entry[] = [
  ['company_name', true],
  ['company_cvr', true],
  ['company_pnumber'],
  ['company_address'],
  ['company_kommune'],
  ['company_industry'],
  ['company_legal_form'],
  ['company_founded'],
  ['company_employees'],
  ['company_website'],
];

const CONTACT: Entry[] = [['contact_name', true], ['contact_role'], ['contact_phone'], ['contact_email']];

const NEEDS: Entry[] = [['needs.mark1'], ['needs.label1'], ['needs.mark2'], ['needs.label2'], ['needs_text']];

const BY_KIND: Record<DocumentKind, Entry[]> = {
  vaeksthus: [
    ...LETTERHEAD,
    ...COMPANY,
    ...CONTACT,
    ...NEEDS,
    ['recipient_name', true],
    ['recipient_address'],
    ['case_ref'],
    ['sender_kommune'],
    ['consent_line', true],
    ['reason', true],
    ['first_contact'],
    ['background'],
    ['local.date'],
    ['local.text'],
    ['local_actions'],
    ['requested_action'],
    ['scheme_name'],
    ['annexes.text'],
  ],
  lag: [
    ...LETTERHEAD,
    ...COMPANY,
    ...CONTACT,
    ['project_title', true],
    ['lag_name', true],
    ['lag_theme'],
    ['scheme_name'],
    ['deadline'],
    ['purpose'],
    ['activities'],
    ['effect_jobs'],
    ['effect_turnover'],
    ['effect_products'],
    ['effect_other'],
    ['period', true],
    ['budget.category'],
    ['budget.description'],
    ['budget.supplier'],
    ['budget.quote'],
    ['budget.amount', true],
    ['budget_total', true],
    ['categories.name'],
    ['categories.amount'],
    ['categories.share'],
    ['fin_grant', true],
    ['fin_grant_share', true],
    ['fin_own_cash'],
    ['fin_own_cash_share'],
    ['fin_own_hours'],
    ['fin_own_hours_share'],
    ['fin_own_hours_count'],
    ['fin_other_public'],
    ['fin_other_public_share'],
    ['fin_other_public_source'],
    ['fin_total'],
    ['fin_total_share'],
    ['max_share'],
    ['de_minimis'],
    ['annexes.text'],
    ['checks.text'],
  ],
  'visit-summary': [
    ...LETTERHEAD,
    // A summary goes to the firm itself: its CVR is shown but not needed.
    ...COMPANY.map(([key, required]): Entry => [key, required && key !== 'company_cvr']),
    ...CONTACT,
    ...NEEDS,
    ['visit_date', true],
    ['visit_time'],
    ['visit_type'],
    ['visit_location'],
    ['participants'],
    ['consultant_name'],
    ['business_description'],
    ['potential'],
    ['advice_given'],
    ['next_steps'],
    ['followups.due'],
    ['followups.title'],
  ],
  deminimis: [
    // The firm signs its own declaration: the consultant's signature is not needed.
    ...LETTERHEAD.map(([key, required]): Entry => [key, required && !key.startsWith('signature')]),
    ...COMPANY,
    ['dm_date', true],
    ['dm_rule', true],
    ['dm_window'],
    ['dm_counted', true],
    ['dm_headroom', true],
    ['aid.date'],
    ['aid.grantor'],
    ['aid.scheme'],
    ['aid.eur'],
    ['aid.dkk'],
    ['dm_rate_note'],
  ],
  brev: [
    ...LETTERHEAD,
    // The firm is there for a template that names it; a letter to someone else may leave it out.
    ...COMPANY.map(([key]): Entry => [key]),
    ...CONTACT.map(([key]): Entry => [key]),
    ['recipient_name', true],
    ['recipient_address'],
    ['subject', true],
    ['body', true],
  ],
};

export function placeholdersFor(kind: DocumentKind): PlaceholderInfo[] {
  return BY_KIND[kind].map(([key, required]) => ({
    key,
    description: message(`placeholder.${key}`, {}, 'da'),
    required: required === true,
  }));
}

export function knownKeys(kind: DocumentKind): Set<string> {
  return new Set(BY_KIND[kind].map(([key]) => key));
}

/** `budget.amount` → `budget`: the patch that repeats a table row. */
export function rowGroupOf(key: string): string | undefined {
  const dot = key.indexOf('.');
  return dot > 0 ? key.slice(0, dot) : undefined;
}
