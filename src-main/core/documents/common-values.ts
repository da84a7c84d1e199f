import type { Database } from 'better-sqlite3';
import { formatLetterDate } from '../../../src-shared/format/dates';
import { labelKey } from '../../../src-shared/messages/code-labels';
import type { Company } from '../companies/schema';
import { listContacts } from '../contacts/contact-repo';
import type { Contact } from '../contacts/contact-schema';
import type { NeedKey } from '../domain/needs';
import { NEED_KEYS } from '../domain/needs';
import { type MessageKey, message } from '../messages';
import { contactLine, type Letterhead } from './letterhead';

/** Letters are Danish whatever the UI language: their texts are the catalogue's Danish ones. */
export const letterText = (key: MessageKey, params: Record<string, unknown> = {}): string => message(key, params, 'da');

/** What a letter prints where it has no value: visible, honest, never "null" or a blank field. */
export const NOT_GIVEN = letterText('letter.notGiven');

export function orNotGiven(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return NOT_GIVEN;
  const s = String(value).trim();
  return s === '' ? NOT_GIVEN : s;
}

/** DB07 "471100" → "47.11.00". */
export function formatIndustry(code: string | null): string {
  if (!code) return NOT_GIVEN;
  return /^\d{6}$/.test(code) ? `${code.slice(0, 2)}.${code.slice(2, 4)}.${code.slice(4)}` : code;
}

/** "Skive" → "Skive Kommune", the name a letter gives a kommune. */
export function kommuneName(kommune: string | null | undefined): string | null {
  return kommune ? letterText('letter.kommune', { name: kommune }) : null;
}

export function companyAddress(c: Pick<Company, 'address' | 'postcode' | 'city'>): string {
  const town = [c.postcode, c.city].filter(Boolean).join(' ');
  return [c.address, town].filter(Boolean).join(', ');
}

export function letterheadValues(lh: Letterhead, letterDate: string): Record<string, string> {
  return {
    org_name: lh.organisation,
    org_address: lh.address,
    org_contact: contactLine(lh.phone, lh.email),
    org_footer: [lh.organisation, lh.address, contactLine(lh.phone, lh.email)].filter(Boolean).join(' · '),
    letter_date: formatLetterDate(letterDate),
    signature_name: lh.signatureName,
    signature_title: lh.signatureTitle,
    signature_contact: contactLine(lh.signaturePhone || lh.phone, lh.signatureEmail || lh.email),
  };
}

export function companyValues(c: Company): Record<string, string> {
  return {
    company_name: c.name,
    company_cvr: orNotGiven(c.cvr),
    company_pnumber: orNotGiven(c.pNumber),
    company_address: orNotGiven(companyAddress(c)),
    company_kommune: orNotGiven(kommuneName(c.kommune)),
    company_industry: formatIndustry(c.industryCode),
    company_legal_form: c.legalForm ? letterText(`letter.legalForm.${c.legalForm}`) : NOT_GIVEN,
    company_founded: c.founded ? formatLetterDate(c.founded) : NOT_GIVEN,
    company_employees: orNotGiven(c.employees),
    company_website: orNotGiven(c.website),
  };
}

/** The named contact person, else the owner, else the first contact person of the firm. */
export function pickContact(
  db: Database,
  companyId: number,
  contactId: number | null | undefined,
): Contact | undefined {
  const contacts = listContacts(db, companyId);
  return contacts.find((c) => c.id === contactId) ?? contacts[0];
}

export function contactValues(c: Contact | undefined): Record<string, string> {
  return {
    contact_name: orNotGiven(c?.name),
    contact_role: orNotGiven(c?.role),
    contact_phone: orNotGiven(c?.phone),
    contact_email: orNotGiven(c?.email),
  };
}

/** The needs checklist in two columns, five rows: ☒ for what was ticked, ☐ for the rest. */
export function needRows(selected: readonly NeedKey[]): Array<Record<string, string>> {
  const ticked = new Set(selected);
  const cell = (k: NeedKey | undefined) =>
    k ? { mark: ticked.has(k) ? '☒' : '☐', label: letterText(labelKey.need(k)) } : { mark: '', label: '' };
  const half = Math.ceil(NEED_KEYS.length / 2);
  const rows: Array<Record<string, string>> = [];
  for (let i = 0; i < half; i++) {
    const left = cell(NEED_KEYS[i]);
    const right = cell(NEED_KEYS[i + half]);
    rows.push({ mark1: left.mark, label1: left.label, mark2: right.mark, label2: right.label });
  }
  return rows;
}
