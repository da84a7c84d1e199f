import { z } from 'zod';
import type { BackupInfo, BackupList, RestoreResult } from '../../core/backup/backup-types';
import {
  ACCESS_ACTIONS,
  type AccessLogPage,
  type AccessRequestResult,
  type AnonymiseResult,
  type HardDeleteResult,
  type PrivacySettings,
  type RetentionPage,
} from '../../core/privacy/privacy-types';
import { method } from './define';

const id = z.number().int().positive();
const years = z.number().int().min(1).max(50);
const page = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

/**
 * Backups and privacy (issue 7), for the Settings page and the company page. Restore takes a
 * backup by its name in the backups folder, or a file the user picked with `files.chooseOpen`.
 */
export const safetyContract = {
  'backups.list': method(z.object({})).returns<BackupList>(),
  'backups.create': method(z.object({})).returns<BackupInfo>(),
  'backups.restore': method(
    z.union([
      z.object({ name: z.string().regex(/^[\w.-]{1,200}$/, { message: 'validation.invalidValue' }) }),
      z.object({ path: z.string().min(1).max(1000) }),
    ]),
  ).returns<RestoreResult>(),

  'privacy.settings': method(z.object({})).returns<PrivacySettings>(),
  'privacy.updateSettings': method(
    z.object({ retentionYears: years.optional(), accessLogRetentionYears: years.optional() }),
  ).returns<PrivacySettings>(),
  /** Closed cases past the retention period, oldest first, to review before anonymising. */
  'privacy.retentionCandidates': method(z.object(page)).returns<RetentionPage>(),
  /** Anonymises the given companies in one transaction; they stay countable in reports. */
  'privacy.anonymise': method(z.object({ ids: z.array(id).min(1).max(10_000) })).returns<AnonymiseResult>(),
  /** Anonymises every case listed by `privacy.retentionCandidates`, in one transaction. */
  'privacy.anonymiseDue': method(z.object({})).returns<AnonymiseResult>(),
  /**
   * Erases a company and everything about it. Irreversible, so the caller repeats the company's
   * name (what the consultant types in the confirmation box).
   */
  'privacy.deleteCompany': method(
    z.object({ id, confirmName: z.string().max(200), deleteFiles: z.boolean().default(false) }),
  ).returns<HardDeleteResult>(),
  /** "Everything about this company/person" as a JSON file in the documents folder. */
  'privacy.accessRequest': method(
    z.union([
      z.object({ companyId: id }),
      z.object({ personName: z.string().trim().min(1, { message: 'validation.required' }).max(200) }),
    ]),
  ).returns<AccessRequestResult>(),
  'privacy.accessLog': method(
    z.object({ ...page, companyId: id.optional(), action: z.enum(ACCESS_ACTIONS).optional() }),
  ).returns<AccessLogPage>(),
} as const;
