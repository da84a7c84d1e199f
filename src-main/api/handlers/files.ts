import { safeFileName } from '../../core/files/safe-file-name';
import { assertWrittenFile } from '../../core/files/written-files';
import type { filesContract } from '../contract/files';
import type { AreaHandlers } from './types';

export const filesHandlers: AreaHandlers<typeof filesContract> = {
  // What the user picks here is what later calls may write or read (core/files/path-access.ts).
  'files.chooseSave': async (opts, { shell, paths }) => {
    // The page suggests the name; the dialog shows it as Bindeled makes every file name.
    const path = await shell.chooseSave({ ...opts, defaultName: safeFileName(opts.defaultName, 'eksport') });
    if (path) paths.grant('save', path);
    return path ? { path } : null;
  },
  'files.chooseOpen': async (opts, { shell, paths }) => {
    const path = await shell.chooseOpen(opts);
    if (path) paths.grant('open', path);
    return path ? { path } : null;
  },
  'files.chooseFolder': async (opts, { shell, paths }) => {
    const path = await shell.chooseFolder(opts);
    if (path) paths.grant('folder', path);
    return path ? { path } : null;
  },
  'files.open': async ({ path }, { db, shell }) => {
    await shell.openPath(assertWrittenFile(db, path));
    return null;
  },
};
