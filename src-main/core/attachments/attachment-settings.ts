import type { Database } from 'better-sqlite3';
import { DEFAULT_ATTACHMENT_MAX_MB } from '../../../src-shared/codes/attachments';
import { getSetting, type SettingRule, setSetting } from '../settings/settings-repo';
import type { AttachmentsSettings } from './attachment-types';

const MAX_MB_KEY = 'attachments.maxMb';

function isMegabytes(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 2000;
}

export const ATTACHMENT_SETTING_RULES: Record<string, SettingRule> = {
  [MAX_MB_KEY]: {
    holds: isMegabytes,
    notKind: 'attachment.setting.notMegabytes',
    fallback: 'setting.fallback.default',
  },
};

export function attachmentSettings(db: Database): AttachmentsSettings {
  const stored = getSetting<unknown>(db, MAX_MB_KEY, null);
  return { maxMb: isMegabytes(stored) ? stored : DEFAULT_ATTACHMENT_MAX_MB };
}

export function updateAttachmentSettings(db: Database, changes: Partial<AttachmentsSettings>): AttachmentsSettings {
  if (changes.maxMb !== undefined) setSetting(db, MAX_MB_KEY, changes.maxMb);
  return attachmentSettings(db);
}

export const MB = 1024 * 1024;
