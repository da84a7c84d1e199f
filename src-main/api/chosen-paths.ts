import { defaultDocumentsDir, uploadsDir } from '../core/app/paths';
import { backupDir } from '../core/backup/backup-names';
import { documentsFolder } from '../core/documents/generate';
import type { CallContext } from './context';

/**
 * The app's own folders, where a path needs no dialog choice: the documents folder (default and
 * the one set in Settings, which itself had to be chosen), and for reading also the uploads
 * (browser mode) and backups folders beside the database.
 */
function writeRoots(ctx: CallContext): string[] {
  const roots = [documentsFolder(ctx.db)];
  if (ctx.dbPath && ctx.dbPath !== ':memory:') roots.push(defaultDocumentsDir(ctx.dbPath));
  return roots;
}

function readRoots(ctx: CallContext): string[] {
  const roots = writeRoots(ctx);
  if (ctx.dbPath && ctx.dbPath !== ':memory:') roots.push(uploadsDir(ctx.dbPath), backupDir(ctx.dbPath));
  return roots;
}

/** Path checks for handlers; each returns the resolved path or throws `forbidden` (files.pathNotChosen). */
export const chosenPaths = {
  fileToWrite: (ctx: CallContext, file: string) => ctx.paths.writableFile(file, writeRoots(ctx)),
  folderToWrite: (ctx: CallContext, folder: string) => ctx.paths.writableFolder(folder, writeRoots(ctx)),
  fileToRead: (ctx: CallContext, file: string) => ctx.paths.readableFile(file, readRoots(ctx)),
};
