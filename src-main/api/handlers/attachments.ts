import fs from 'node:fs';
import path from 'node:path';
import { uploadsDir } from '../../core/app/paths';
import {
  addAttachment,
  listAttachments,
  openCopy,
  relinkAttachment,
  removeAttachment,
  updateAttachment,
} from '../../core/attachments/attachment-repo';
import { attachmentSettings, updateAttachmentSettings } from '../../core/attachments/attachment-settings';
import { importCaseloadZip, writeCaseloadZip } from '../../core/attachments/caseload-zip';
import { backupBeforeImport } from '../../core/backup/backup';
import { DomainError } from '../../core/errors';
import { removeFile, writeNewFile } from '../../core/files/file-ops';
import { tempPathIn } from '../../core/files/leftovers';
import { safeFileName } from '../../core/files/safe-file-name';
import { chosenPaths } from '../chosen-paths';
import type { attachmentsContract } from '../contract/attachments';
import type { AreaHandlers } from './types';

export const attachmentsHandlers: AreaHandlers<typeof attachmentsContract> = {
  'attachments.list': (f, { db }) => listAttachments(db, f),
  'attachments.add': ({ path: file, ...input }, ctx) =>
    addAttachment(ctx.db, { ...input, source: chosenPaths.fileToRead(ctx, file) }),
  'attachments.addBytes': ({ base64, name, ...input }, ctx) => {
    if (!ctx.dbPath || ctx.dbPath === ':memory:') throw new DomainError('unsupported', 'attachment.noStore');
    // Through the uploads folder, as a browser-mode upload: a kill leaves only a temporary name there.
    const dir = uploadsDir(ctx.dbPath);
    fs.mkdirSync(dir, { recursive: true });
    const temp = tempPathIn(dir, 'upload');
    try {
      writeNewFile(temp, Buffer.from(base64, 'base64'));
      return addAttachment(ctx.db, { ...input, name: safeFileName(path.basename(name), 'bilag'), source: temp });
    } finally {
      removeFile(temp);
    }
  },
  'attachments.update': ({ id, ...changes }, { db }) => updateAttachment(db, id, changes),
  'attachments.remove': ({ id }, { db }) => removeAttachment(db, id),
  'attachments.relink': ({ id, path: file }, ctx) => relinkAttachment(ctx.db, id, chosenPaths.fileToRead(ctx, file)),
  'attachments.open': async ({ id }, { db, shell }) => {
    const { path: copy, attachment } = openCopy(db, id);
    await shell.openPath(copy);
    return { path: copy, companyId: attachment.companyId, name: attachment.name };
  },
  'attachments.settings': (_input, { db }) => attachmentSettings(db),
  'attachments.updateSettings': (changes, { db }) => updateAttachmentSettings(db, changes),
  'interop.exportWithFiles': ({ path: file, scope }, ctx) =>
    writeCaseloadZip(
      ctx.db,
      { path: chosenPaths.fileToWrite(ctx, file), scope },
      { locale: ctx.locale, job: { signal: ctx.signal, progress: ctx.progress }, appVersion: ctx.appVersion },
    ),
  'interop.importWithFiles': ({ path: file, onInvalid }, ctx) =>
    importCaseloadZip(ctx.db, chosenPaths.fileToRead(ctx, file), {
      locale: ctx.locale,
      job: { signal: ctx.signal, progress: ctx.progress },
      onInvalid,
      beforeWrite: () => backupBeforeImport(ctx.db, ctx.dbPath),
    }),
};
