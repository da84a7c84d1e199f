/** Privacy (GDPR) shapes the Settings page and company page see. Pure types. */
import { ACCESS_ACTIONS, type AccessAction } from '../../../src-shared/codes/privacy';

export { ACCESS_ACTIONS, type AccessAction };

export interface AccessLogEntry {
  id: number;
  at: string;
  actor: string;
  transport: string;
  action: AccessAction;
  /** The API method (or CLI command) that touched the data. */
  method: string;
  companyId: number | null;
  detail: string | null;
}

export interface AccessLogPage {
  total: number;
  rows: AccessLogEntry[];
}

export interface PrivacySettings {
  /** Closed cases older than this are offered for anonymisation. */
  retentionYears: number;
  /** Access-log entries older than this are deleted at start. */
  accessLogRetentionYears: number;
}

export interface RetentionCandidate {
  id: number;
  name: string;
  cvr: string | null;
  kommune: string | null;
  closedAt: string;
}

export interface RetentionPage {
  /** Cases closed before this date are listed. */
  closedBefore: string;
  retentionYears: number;
  total: number;
  rows: RetentionCandidate[];
}

/** What erasing a company did to the backups in the backups folder. */
export interface BackupErasureReport {
  /** Backups rewritten without the company (file names in the backups folder). */
  rewritten: string[];
  /** Backups that could not be rewritten; tried again at every start, and a restore erases anyway. */
  failed: Array<{ name: string; reason: string }>;
}

export interface HardDeleteResult {
  companyId: number;
  /** Files Bindeled wrote about the company: deleted when asked, otherwise listed for the user. */
  files: Array<{ path: string; deleted: boolean }>;
  backups: BackupErasureReport;
}

export interface AnonymiseResult {
  anonymised: number;
  /** Ids that were already anonymised or do not exist. */
  skipped: number[];
}

export interface AccessRequestResult {
  path: string;
  sizeBytes: number;
  companies: number;
  contacts: number;
  /** Attachment files copied into the folder beside the JSON file (`… - bilag`). */
  attachmentFiles: number;
  /** That folder, when there were any. */
  attachmentsFolder: string | null;
}
