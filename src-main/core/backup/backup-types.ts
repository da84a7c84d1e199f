/** What the Settings page sees of backups (pure types: the renderer imports them via the contract). */
export type BackupReason = 'daily' | 'manual' | 'before-migration' | 'before-import' | 'before-restore';

export interface BackupInfo {
  /** File name inside the backups folder; `backups.restore` takes it back. */
  name: string;
  path: string;
  /** ISO time (UTC) the backup was taken. */
  createdAt: string;
  reason: BackupReason;
  schemaVersion: number;
  sizeBytes: number;
}

export interface BackupList {
  folder: string;
  backups: BackupInfo[];
  /** When the newest backup was taken, or null when there is none yet. */
  lastBackupAt: string | null;
  /** The rotation rule, for the page to explain it. */
  keepDaily: number;
  keepWeekly: number;
  /** No backup older than this many weeks is kept, not even the newest. */
  maxAgeWeeks: number;
}

export interface RestoreResult {
  restoredFrom: string;
  /** The backup of the database as it was just before the restore. */
  safetyBackup: BackupInfo;
  schemaVersion: number;
  companyCount: number;
  /** Companies erased from the restored file because this database had erased them before. */
  erasuresApplied: number;
  /** Attachment files the restored database names that were not beside the chosen file (shown as missing). */
  attachmentsMissing: number;
}
