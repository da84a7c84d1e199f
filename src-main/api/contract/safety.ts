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
import { method, NO_ACCESS_LOG } from './define';

const id = z.number().int().positive();
const years = z.number().int().min(1).max(50);
const chosenFile = z.string().min(1).max(1000).optional();
const page = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

/**
 * Backups and privacy, for the Settings page and the company page. Restore takes a
 * backup by its name in the backups folder, or a file the user picked with `files.chooseOpen`.
 */
export const safetyContract = {
  'backups.list': method(z.object({})).returns<BackupList>(NO_ACCESS_LOG),
  'backups.create': method(z.object({})).returns<BackupInfo>(NO_ACCESS_LOG),
  /**
   * A backup written to a file the user chose, outside the rotation (`bindeled backup --out`).
   * Logged as an export: the copy holds every case and leaves the app's own folders.
   */
  'backups.copy': method(z.object({ path: z.string().min(1).max(1000) })).returns<{ path: string; sizeBytes: number }>({
    access: 'export',
    facts: (_, o) => ({ file: o.path }),
  }),
  'backups.restore': method(
    z.union([
      z.object({ name: z.string().regex(/^[\w.-]{1,200}$/, { message: 'validation.invalidValue' }) }),
      z.object({ path: z.string().min(1).max(1000) }),
    ]),
  ).returns<RestoreResult>(NO_ACCESS_LOG),

  'privacy.settings': method(z.object({})).returns<PrivacySettings>(NO_ACCESS_LOG),
  'privacy.updateSettings': method(
    z.object({ retentionYears: years.optional(), accessLogRetentionYears: years.optional() }),
  ).returns<PrivacySettings>(NO_ACCESS_LOG),
  /** Closed cases past the retention period, oldest first, to review before anonymising. */
  'privacy.retentionCandidates': method(z.object(page)).returns<RetentionPage>({
    access: 'read',
    facts: () => ({ note: 'privacy.log.retentionReview' }),
  }),
  /** Anonymises the given companies in one transaction; they stay countable in reports. */
  'privacy.anonymise': method(z.object({ ids: z.array(id).min(1).max(10_000) })).returns<AnonymiseResult>({
    access: 'anonymise',
    facts: (i) => ({ companies: i.ids }),
  }),
  /** Anonymises every case listed by `privacy.retentionCandidates`, in one transaction. */
  'privacy.anonymiseDue': method(z.object({})).returns<AnonymiseResult>({
    access: 'anonymise',
    facts: (_, o) => ({ note: 'privacy.log.anonymiseDue', anonymised: o.anonymised }),
  }),
  /**
   * Erases a company and everything about it. Irreversible, so the caller repeats the company's
   * name (what the consultant types in the confirmation box).
   */
  'privacy.deleteCompany': method(
    z.object({ id, confirmName: z.string().max(200), deleteFiles: z.boolean().default(false) }),
  ).returns<HardDeleteResult>({ access: 'delete', facts: (i) => ({ erasedId: i.id }) }),
  /**
   * "Everything about this company/person" as a JSON file in the documents folder, or at `path`
   * (a file the user chose: typed on the command line, or picked with `files.chooseSave`).
   */
  'privacy.accessRequest': method(
    z.union([
      z.object({ companyId: id, path: chosenFile }),
      z.object({ personName: z.string().trim().min(1, { message: 'validation.required' }).max(200), path: chosenFile }),
    ]),
  ).returns<AccessRequestResult>({
    access: 'access_request',
    facts: (i, o) => ({
      companies: ['companyId' in i ? i.companyId : null],
      person: 'personName' in i ? i.personName : undefined,
      file: o.path,
    }),
  }),
  'privacy.accessLog': method(
    z.object({ ...page, companyId: id.optional(), action: z.enum(ACCESS_ACTIONS).optional() }),
  ).returns<AccessLogPage>(NO_ACCESS_LOG),
} as const;
