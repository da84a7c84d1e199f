import type { LetterSubject } from '../../../src-shared/codes/documents';
import { type MessageKey, message } from '../messages';
import type { DocumentKind, PlaceholderInfo } from './document-schema';

/**
 * A placeholder's human name is the catalogue's `placeholder.<key>` and its example value
 * `placeholderExample.<key>`, so each listed key needs both (it does not compile otherwise).
 */
type PlaceholderKey = MessageKey extends infer K ? (K extends `placeholder.${infer P}` ? P : never) : never;

/**
 * Where a placeholder's value is read from: the letterhead in Settings, the firm, its contact
 * person, or the record the letter is about. Each source has one reader, which fills all of its
 * placeholders: `letterheadValues`, `companyValues`, `contactValues` (common-values.ts), the
 * builder of the kind about a referral, a LAG application, a visit or a de minimis declaration
 * (kinds/), the free letter's typed words and `networkValues` (kinds/custom-letter.ts).
 */
export type PlaceholderSource =
  | 'letterhead'
  | 'company'
  | 'contact'
  | 'needs'
  | 'referral'
  | 'lag'
  | 'visit'
  | 'deminimis'
  | 'letter'
  | 'network';

/**
 * Every placeholder Bindeled fills: one registry, per document kind and per subject of a
 * consultant's own kind. A template may leave any out (its document then does not show that item)
 * but must not hold one that is not listed: it would stay unfilled.
 * Keys with a dot are table rows: `budget.amount` repeats its table row once per budget line.
 */
type Entry = [key: PlaceholderKey, required?: boolean];

interface Group {
  source: PlaceholderSource;
  entries: Entry[];
}

const group = (source: PlaceholderSource, entries: Entry[]): Group => ({ source, entries });

const LETTERHEAD = group('letterhead', [
  ['logo'],
  ['org_name', true],
  ['org_address'],
  ['org_contact'],
  ['org_footer'],
  ['letter_date', true],
  ['signature_name', true],
  ['signature_title'],
  ['signature_contact'],
]);

const COMPANY = group('company', [
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
]);

const CONTACT = group('contact', [['contact_name', true], ['contact_role'], ['contact_phone'], ['contact_email']]);

const NEEDS = group('needs', [['needs.mark1'], ['needs.label1'], ['needs.mark2'], ['needs.label2'], ['needs_text']]);

/** A group with its `required` marks changed: a kind that needs less of it than usual. */
const relaxed = (g: Group, required: (key: string, was: boolean) => boolean): Group =>
  group(
    g.source,
    g.entries.map(([key, was]): Entry => [key, required(key, was === true)]),
  );

const BY_KIND: Record<DocumentKind, Group[]> = {
  vaeksthus: [
    LETTERHEAD,
    COMPANY,
    CONTACT,
    NEEDS,
    group('referral', [
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
    ]),
  ],
  lag: [
    LETTERHEAD,
    COMPANY,
    CONTACT,
    group('lag', [
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
    ]),
  ],
  'visit-summary': [
    LETTERHEAD,
    // A summary goes to the firm itself: its CVR is shown but not needed.
    relaxed(COMPANY, (key, was) => was && key !== 'company_cvr'),
    CONTACT,
    NEEDS,
    group('visit', [
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
    ]),
  ],
  deminimis: [
    // The firm signs its own declaration: the consultant's signature is not needed.
    relaxed(LETTERHEAD, (key, was) => was && !key.startsWith('signature')),
    COMPANY,
    group('deminimis', [
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
    ]),
  ],
  brev: [
    LETTERHEAD,
    // The firm is there for a template that names it; a letter to someone else may leave it out.
    relaxed(COMPANY, () => false),
    relaxed(CONTACT, () => false),
    group('letter', [['recipient_name', true], ['recipient_address'], ['subject', true], ['body', true]]),
  ],
};

const NETWORK = group('network', [['network_name'], ['meeting_date'], ['meeting_place'], ['meeting_topic']]);

/**
 * What a consultant's own kind may use, by what it is about: the built-in kind's placeholders
 * for the same record. Nothing is required: the consultant's template decides what it shows.
 */
const BY_SUBJECT: Record<LetterSubject, Group[]> = {
  company: [LETTERHEAD, COMPANY, CONTACT],
  referral: BY_KIND.vaeksthus,
  lag: BY_KIND.lag,
  visit: BY_KIND['visit-summary'],
  network: [LETTERHEAD, COMPANY, CONTACT, NETWORK],
};

function infoOf(groups: readonly Group[], requiredToo: boolean): PlaceholderInfo[] {
  return groups.flatMap((g) =>
    g.entries.map(([key, required]) => ({
      key,
      description: message(`placeholder.${key}`, {}, 'da'),
      example: message(`placeholderExample.${key}`, {}, 'da'),
      source: g.source,
      required: requiredToo && required === true,
    })),
  );
}

export function placeholdersFor(kind: DocumentKind): PlaceholderInfo[] {
  return infoOf(BY_KIND[kind], true);
}

export function placeholdersForSubject(subject: LetterSubject): PlaceholderInfo[] {
  return infoOf(BY_SUBJECT[subject], false);
}

const keysOf = (groups: readonly Group[]) => new Set(groups.flatMap((g) => g.entries.map(([key]) => key as string)));

export function knownKeys(kind: DocumentKind): Set<string> {
  return keysOf(BY_KIND[kind]);
}

export function knownKeysForSubject(subject: LetterSubject): Set<string> {
  return keysOf(BY_SUBJECT[subject]);
}

/** `budget.amount` → `budget`: the patch that repeats a table row. */
export function rowGroupOf(key: string): string | undefined {
  const dot = key.indexOf('.');
  return dot > 0 ? key.slice(0, dot) : undefined;
}
