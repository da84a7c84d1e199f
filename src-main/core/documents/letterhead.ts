import type { Database } from 'better-sqlite3';
import { getSetting } from '../settings/settings-repo';
import { type LogoImage, readLogo } from './logo';

/** Settings keys for the letterhead and documents (edited on the Settings page). */
export const LETTERHEAD_SETTING_KEYS = [
  'letterhead.organisation',
  'letterhead.address',
  'letterhead.phone',
  'letterhead.email',
  'letterhead.logoPath',
  'letterhead.signatureName',
  'letterhead.signatureTitle',
  'letterhead.signaturePhone',
  'letterhead.signatureEmail',
  'documents.folder',
  'documents.template.vaeksthus',
  'documents.template.lag',
  'documents.template.visit-summary',
] as const;
export type LetterheadSettingKey = (typeof LETTERHEAD_SETTING_KEYS)[number];

export interface Letterhead {
  organisation: string;
  address: string;
  phone: string;
  email: string;
  logoPath: string;
  /** The logo as read now; undefined when a path is set but the file cannot be used. */
  logo: LogoImage | null | undefined;
  signatureName: string;
  signatureTitle: string;
  signaturePhone: string;
  signatureEmail: string;
}

function text(db: Database, key: LetterheadSettingKey | 'user.name'): string {
  const v = getSetting<unknown>(db, key, '');
  return typeof v === 'string' ? v.trim() : '';
}

export function readLetterhead(db: Database): Letterhead {
  const logoPath = text(db, 'letterhead.logoPath');
  return {
    organisation: text(db, 'letterhead.organisation'),
    address: text(db, 'letterhead.address'),
    phone: text(db, 'letterhead.phone'),
    email: text(db, 'letterhead.email'),
    logoPath,
    logo: logoPath ? readLogo(logoPath) : null,
    // The consultant named in settings signs when no signature name is given.
    signatureName: text(db, 'letterhead.signatureName') || text(db, 'user.name'),
    signatureTitle: text(db, 'letterhead.signatureTitle'),
    signaturePhone: text(db, 'letterhead.signaturePhone'),
    signatureEmail: text(db, 'letterhead.signatureEmail'),
  };
}

/** "Tlf. 86 12 34 56 · info@example.dk", leaving out what is not set. */
export function contactLine(phone: string, email: string): string {
  return [phone ? `Tlf. ${phone}` : '', email].filter(Boolean).join(' · ');
}
