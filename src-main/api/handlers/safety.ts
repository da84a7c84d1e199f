import { backupToFile, createBackup, listBackups } from '../../core/backup/backup';
import { backupDir } from '../../core/backup/backup-names';
import { eraseFromBackups } from '../../core/backup/erase-in-backups';
import { restoreDatabase } from '../../core/backup/restore';
import { DEFAULT_ROTATION } from '../../core/backup/rotation';
import { getCompany } from '../../core/companies/company-repo';
import { DomainError, invalidField } from '../../core/errors';
import { listAccessLog } from '../../core/privacy/access-log';
import { writeAccessRequest } from '../../core/privacy/access-request';
import { anonymiseCompanies, hardDeleteCompany } from '../../core/privacy/erase';
import { privacySettings, updatePrivacySettings } from '../../core/privacy/privacy-settings';
import { anonymiseDueCases, retentionCandidates } from '../../core/privacy/retention';
import { chosenPaths } from '../chosen-paths';
import type { CallContext } from '../context';
import type { safetyContract } from '../contract/safety';
import type { AreaHandlers } from './types';

function requireFileDb(ctx: CallContext): void {
  if (ctx.dbPath === ':memory:' || ctx.dbPath === '') throw new DomainError('unsupported', 'backup.unavailable');
}

export const safetyHandlers: AreaHandlers<typeof safetyContract> = {
  'backups.list': (_, { dbPath }) => {
    const backups = listBackups(dbPath);
    return {
      folder: backupDir(dbPath),
      backups,
      lastBackupAt: backups[0]?.createdAt ?? null,
      keepDaily: DEFAULT_ROTATION.daily,
      keepWeekly: DEFAULT_ROTATION.weekly,
      maxAgeWeeks: DEFAULT_ROTATION.maxAgeWeeks,
    };
  },
  'backups.create': (_, ctx) => {
    requireFileDb(ctx);
    return createBackup(ctx.db, ctx.dbPath, 'manual');
  },
  'backups.copy': (input, ctx) => backupToFile(ctx.db, chosenPaths.fileToWrite(ctx, input.path)),
  'backups.restore': (input, ctx) => {
    requireFileDb(ctx);
    if (!ctx.live) throw new DomainError('unsupported', 'restore.unavailable');
    let source: string;
    if ('name' in input) {
      const found = listBackups(ctx.dbPath).find((b) => b.name === input.name);
      if (!found) throw new DomainError('not_found', 'backup.notFound', { name: input.name });
      source = found.path;
    } else source = chosenPaths.fileToRead(ctx, input.path);
    return restoreDatabase(ctx.live, source);
  },

  'privacy.settings': (_, { db }) => privacySettings(db),
  'privacy.updateSettings': (input, { db }) => updatePrivacySettings(db, input),
  'privacy.retentionCandidates': ({ offset, limit }, { db }) => retentionCandidates(db, { offset, limit }),
  'privacy.anonymise': ({ ids }, { db }) => anonymiseCompanies(db, ids),
  'privacy.anonymiseDue': (_, { db }) => anonymiseDueCases(db),
  'privacy.deleteCompany': async ({ id, confirmName, deleteFiles }, ctx) => {
    const company = getCompany(ctx.db, id);
    const norm = (s: string) => s.trim().toLocaleLowerCase('da');
    if (norm(confirmName) !== norm(company.name)) throw invalidField('confirmName', 'privacy.confirmName');
    const erased = hardDeleteCompany(ctx.db, id, { deleteFiles });
    // The backups beside the database are rewritten without the company before the call returns.
    const backups = await eraseFromBackups(ctx.db, ctx.dbPath, { nativeBinding: ctx.live?.nativeBinding });
    return { ...erased, backups };
  },
  'privacy.accessRequest': ({ path, ...subject }, ctx) =>
    writeAccessRequest(
      ctx.db,
      ctx.dbPath,
      subject,
      path === undefined ? undefined : chosenPaths.fileToWrite(ctx, path),
    ),
  'privacy.accessLog': (input, { db }) => listAccessLog(db, input),
};
