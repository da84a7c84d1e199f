import type { Database } from 'better-sqlite3';
import { type AttachmentProblem, checkAttachmentFiles } from '../attachments/attachment-check';
import { unreadableSettings } from '../settings/known-settings';
import type { SettingProblem } from '../settings/settings-repo';

export interface IntegrityReport {
  ok: boolean;
  integrity: string[];
  foreignKeyProblems: Array<{ table: string; rowid: number | null; parent: string }>;
  /** Settings changed by hand (with sqlite3) into something Bindeled cannot use. */
  settingProblems: SettingProblem[];
  /** Attachment files gone from the attachments folder, or changed there since they were attached. */
  attachmentProblems: AttachmentProblem[];
  schemaVersion: number;
}

/**
 * SQLite's own integrity and foreign-key checks, settings Bindeled cannot read, and the attachment
 * files the rows name, for `cli check`.
 */
export function checkIntegrity(db: Database): IntegrityReport {
  const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
  const fk = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>;
  const settingProblems = unreadableSettings(db);
  const attachmentProblems = checkAttachmentFiles(db);
  return {
    ok:
      integrity.length === 1 &&
      integrity[0] === 'ok' &&
      fk.length === 0 &&
      settingProblems.length === 0 &&
      attachmentProblems.length === 0,
    integrity,
    foreignKeyProblems: fk.map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent })),
    settingProblems,
    attachmentProblems,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
  };
}
