import path from 'node:path';

import type { BackupReason } from './backup-types';

/** Why a backup was made; part of its file name so the list can say it without opening the file. */
export const BACKUP_REASONS: readonly BackupReason[] = [
  'daily',
  'manual',
  'before-migration',
  'before-import',
  'before-restore',
];

/** Backups live in `backups/` beside the database, so moving the folder moves them too. */
export function backupDir(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

const NAME = /^bindeled-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})-v(\d+)-([a-z-]+)\.db$/;

/**
 * `bindeled-20240501-102030-123-v50-daily.db`: the UTC time (sortable, no characters Windows
 * refuses), the schema version and the reason. Rotation reads the time from here, not from the
 * file's mtime, which a copy to another disk would change.
 */
export function backupFileName(at: Date, schemaVersion: number, reason: BackupReason): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp =
    `${at.getUTCFullYear()}${p(at.getUTCMonth() + 1)}${p(at.getUTCDate())}-` +
    `${p(at.getUTCHours())}${p(at.getUTCMinutes())}${p(at.getUTCSeconds())}-${p(at.getUTCMilliseconds(), 3)}`;
  return `bindeled-${stamp}-v${schemaVersion}-${reason}.db`;
}

export interface ParsedBackupName {
  at: Date;
  schemaVersion: number;
  reason: BackupReason;
}

export function parseBackupFileName(name: string): ParsedBackupName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, v, reason] = m;
  if (!(BACKUP_REASONS as readonly string[]).includes(reason ?? '')) return null;
  const at = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms)));
  if (Number.isNaN(at.getTime())) return null;
  return { at, schemaVersion: Number(v), reason: reason as BackupReason };
}
