import type { Database } from 'better-sqlite3';
import {
  getTextSetting,
  myName,
  type SettingProblem,
  type SettingRule,
  settingProblems,
  TEXT_SETTING,
  USER_SETTING_RULES,
} from '../settings/settings-repo';
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

/** All text; an unreadable one is used as empty, except the folder and templates, which have defaults. */
export const LETTERHEAD_SETTING_RULES: Record<LetterheadSettingKey, SettingRule> = Object.fromEntries(
  LETTERHEAD_SETTING_KEYS.map((key) => [
    key,
    key === 'documents.folder'
      ? { ...TEXT_SETTING, fallback: 'setting.fallback.default' }
      : key.startsWith('documents.template.')
        ? { ...TEXT_SETTING, fallback: 'setting.fallback.builtin' }
        : TEXT_SETTING,
  ]),
) as Record<LetterheadSettingKey, SettingRule>;

/** What a letter reads: the letterhead's settings and the consultant's name and role (the signature's fallbacks). */
const LETTER_SETTING_RULES: Record<string, SettingRule> = {
  ...LETTERHEAD_SETTING_RULES,
  'user.name': USER_SETTING_RULES['user.name'],
  'user.role': USER_SETTING_RULES['user.role'],
};

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
  /** Settings a letter reads that cannot be used (edited by hand): each is used as empty or default. */
  unreadable: SettingProblem[];
}

function text(db: Database, key: LetterheadSettingKey | 'user.role'): string {
  return getTextSetting(db, key);
}

export function readLetterhead(db: Database): Letterhead {
  const logoPath = text(db, 'letterhead.logoPath');
  const signer = text(db, 'letterhead.signatureName');
  return {
    organisation: text(db, 'letterhead.organisation'),
    address: text(db, 'letterhead.address'),
    phone: text(db, 'letterhead.phone'),
    email: text(db, 'letterhead.email'),
    logoPath,
    logo: logoPath ? readLogo(logoPath) : null,
    // The consultant at the keyboard (settings, or the CLI's --as) signs when no signature name is
    // given, with their own role as the title when none is given either.
    signatureName: signer || myName(db),
    signatureTitle: text(db, 'letterhead.signatureTitle') || (signer ? '' : text(db, 'user.role')),
    signaturePhone: text(db, 'letterhead.signaturePhone'),
    signatureEmail: text(db, 'letterhead.signatureEmail'),
    unreadable: settingProblems(db, LETTER_SETTING_RULES, true),
  };
}

/** "Tlf. 86 12 34 56 · info@example.dk", leaving out what is not set. */
export function contactLine(phone: string, email: string): string {
  return [phone ? `Tlf. ${phone}` : '', email].filter(Boolean).join(' · ');
}
