import type { Database } from 'better-sqlite3';
import { unreadableSettings } from '../settings/known-settings';
import type { SettingProblem } from '../settings/settings-repo';

export interface IntegrityReport {
  ok: boolean;
  integrity: string[];
  foreignKeyProblems: Array<{ table: string; rowid: number | null; parent: string }>;
  /** Settings changed by hand (with sqlite3) into something Bindeled cannot use. */
  settingProblems: SettingProblem[];
  schemaVersion: number;
}

/** SQLite's own integrity and foreign-key checks, and settings Bindeled cannot read, for `cli check`. */
export function checkIntegrity(db: Database): IntegrityReport {
  const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
  const fk = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>;
  const settingProblems = unreadableSettings(db);
  return {
    ok: integrity.length === 1 && integrity[0] === 'ok' && fk.length === 0 && settingProblems.length === 0,
    integrity,
    foreignKeyProblems: fk.map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent })),
    settingProblems,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
  };
}
