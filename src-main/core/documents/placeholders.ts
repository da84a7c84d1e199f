import type { DocumentKind, PlaceholderInfo } from './document-schema';

/**
 * Every placeholder Bindeled fills, per document kind. A template may leave any out (its document
 * then does not show that item) but must not hold one that is not listed: it would stay unfilled.
 * Keys with a dot are table rows: `budget.amount` repeats its table row once per budget line.
 */
type Entry = [key: string, description: string, required?: boolean];

const LETTERHEAD: Entry[] = [
  ['logo', 'Organisationens logo (billede)'],
  ['org_name', 'Organisationens navn', true],
  ['org_address', 'Organisationens adresse'],
  ['org_contact', 'Organisationens telefon og e-mail på én linje'],
  ['org_footer', 'Sidefod: navn, adresse, telefon og e-mail'],
  ['letter_date', 'Brevets dato, fx 17. oktober 2011', true],
  ['signature_name', 'Konsulentens navn (underskrift)', true],
  ['signature_title', 'Konsulentens titel'],
  ['signature_contact', 'Konsulentens telefon og e-mail'],
];

const COMPANY: Entry[] = [
  ['company_name', 'Virksomhedens navn', true],
  ['company_cvr', 'CVR-nummer', true],
  ['company_pnumber', 'P-nummer'],
  ['company_address', 'Adresse med postnummer og by'],
  ['company_kommune', 'Kommune'],
  ['company_industry', 'Branchekode (DB07)'],
  ['company_legal_form', 'Virksomhedsform'],
  ['company_founded', 'Stiftelsesdato'],
  ['company_employees', 'Antal ansatte'],
  ['company_website', 'Hjemmeside'],
];

const CONTACT: Entry[] = [
  ['contact_name', 'Kontaktpersonens navn', true],
  ['contact_role', 'Kontaktpersonens stilling'],
  ['contact_phone', 'Kontaktpersonens telefon'],
  ['contact_email', 'Kontaktpersonens e-mail'],
];

const NEEDS: Entry[] = [
  ['needs.mark1', 'Behov, venstre kolonne: afkrydsning (☒/☐)'],
  ['needs.label1', 'Behov, venstre kolonne: navn'],
  ['needs.mark2', 'Behov, højre kolonne: afkrydsning'],
  ['needs.label2', 'Behov, højre kolonne: navn'],
  ['needs_text', 'Behov beskrevet med egne ord'],
];

const BY_KIND: Record<DocumentKind, Entry[]> = {
  vaeksthus: [
    ...LETTERHEAD,
    ...COMPANY,
    ...CONTACT,
    ...NEEDS,
    ['recipient_name', 'Modtager (erhvervshus/Væksthus)', true],
    ['recipient_address', 'Modtagerens adresse'],
    ['case_ref', 'Sagsnummer'],
    ['sender_kommune', 'Den henvisende kommune'],
    ['consent_line', 'Linjen om at virksomheden har givet samtykke til henvisningen', true],
    ['reason', 'Årsag til henvisningen', true],
    ['first_contact', 'Hvornår og hvordan kontakten opstod'],
    ['background', 'Kort beskrivelse af virksomheden og forløbet'],
    ['local.date', 'Lokal indsats: dato'],
    ['local.text', 'Lokal indsats: besøg, LAG, videnkontakter, netværk'],
    ['local_actions', 'Lokal indsats med egne ord'],
    ['requested_action', 'Ønsket handling fra modtageren'],
    ['scheme_name', 'Støtteordning'],
    ['annexes.text', 'Bilag (én linje pr. bilag)'],
  ],
  lag: [
    ...LETTERHEAD,
    ...COMPANY,
    ...CONTACT,
    ['project_title', 'Projektets titel', true],
    ['lag_name', 'LAG', true],
    ['lag_theme', 'Indsatsområde'],
    ['scheme_name', 'Støtteordning'],
    ['deadline', 'Ansøgningsfrist'],
    ['purpose', 'Formål'],
    ['activities', 'Aktiviteter'],
    ['effect_jobs', 'Forventede nye arbejdspladser'],
    ['effect_turnover', 'Forventet øget omsætning'],
    ['effect_products', 'Nye produkter eller ydelser'],
    ['effect_other', 'Andre effekter'],
    ['period', 'Projektperiode', true],
    ['budget.category', 'Budget: kategori'],
    ['budget.description', 'Budget: beskrivelse'],
    ['budget.supplier', 'Budget: leverandør'],
    ['budget.quote', 'Budget: tilbudsreference'],
    ['budget.amount', 'Budget: beløb', true],
    ['budget_total', 'Budget i alt', true],
    ['categories.name', 'Budget pr. kategori: kategori'],
    ['categories.amount', 'Budget pr. kategori: beløb'],
    ['categories.share', 'Budget pr. kategori: andel'],
    ['fin_grant', 'Ansøgt tilskud', true],
    ['fin_grant_share', 'Tilskuddets andel af de støtteberettigede udgifter', true],
    ['fin_own_cash', 'Egen kontant finansiering'],
    ['fin_own_cash_share', 'Andel: egen kontant finansiering'],
    ['fin_own_hours', 'Eget arbejde (værdi)'],
    ['fin_own_hours_share', 'Andel: eget arbejde'],
    ['fin_own_hours_count', 'Eget arbejde (timer)'],
    ['fin_other_public', 'Anden offentlig medfinansiering'],
    ['fin_other_public_share', 'Andel: anden offentlig medfinansiering'],
    ['fin_other_public_source', 'Kilde til anden offentlig medfinansiering'],
    ['fin_total', 'Finansiering i alt'],
    ['fin_total_share', 'Andel: finansiering i alt'],
    ['max_share', 'Ordningens højeste tilskudsandel'],
    ['de_minimis', 'De minimis-erklæring'],
    ['annexes.text', 'Bilag (én linje pr. bilag)'],
    ['checks.text', 'Bemærkninger, der bør løses før indsendelse'],
  ],
  'visit-summary': [
    ...LETTERHEAD,
    // A summary goes to the firm itself: its CVR is shown but not needed.
    ...COMPANY.map(([key, description, required]): Entry => [key, description, required && key !== 'company_cvr']),
    ...CONTACT,
    ...NEEDS,
    ['visit_date', 'Besøgets dato', true],
    ['visit_time', 'Tidspunkt og varighed'],
    ['visit_type', 'Type (besøg, telefon, møde, e-mail)'],
    ['visit_location', 'Sted'],
    ['participants', 'Deltagere'],
    ['consultant_name', 'Konsulent'],
    ['business_description', 'Virksomheden i dag'],
    ['potential', 'Vurderet udviklingspotentiale'],
    ['advice_given', 'Om der blev givet rådgivning'],
    ['next_steps', 'Aftalte næste skridt'],
    ['followups.due', 'Opfølgning: frist'],
    ['followups.title', 'Opfølgning: hvad'],
  ],
};

export function placeholdersFor(kind: DocumentKind): PlaceholderInfo[] {
  return BY_KIND[kind].map(([key, description, required]) => ({ key, description, required: required === true }));
}

export function knownKeys(kind: DocumentKind): Set<string> {
  return new Set(BY_KIND[kind].map(([key]) => key));
}

/** `budget.amount` → `budget`: the patch that repeats a table row. */
export function rowGroupOf(key: string): string | undefined {
  const dot = key.indexOf('.');
  return dot > 0 ? key.slice(0, dot) : undefined;
}
