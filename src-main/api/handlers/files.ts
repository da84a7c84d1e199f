import { assertWrittenFile } from '../../core/files/written-files';
import type { filesContract } from '../contract/files';
import type { AreaHandlers } from './types';

export const filesHandlers: AreaHandlers<typeof filesContract> = {
  'files.chooseSave': async (opts, { shell }) => {
    const path = await shell.chooseSave(opts);
    return path ? { path } : null;
  },
  'files.chooseOpen': async (opts, { shell }) => {
    const path = await shell.chooseOpen(opts);
    return path ? { path } : null;
  },
  'files.chooseFolder': async (opts, { shell }) => {
    const path = await shell.chooseFolder(opts);
    return path ? { path } : null;
  },
  'files.open': async ({ path }, { db, shell }) => {
    await shell.openPath(assertWrittenFile(db, path));
    return null;
  },
};
