import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../core/errors';
import { safeFileName, uniquePath } from '../core/files/safe-file-name';
import type { ShellServices } from './context';

/**
 * For the shells without native dialogs, browser mode and the CLI: "save" writes into the documents
 * folder beside the database (the page then downloads the file), "open" is done by uploading, and
 * "open in Word" is a download.
 */
export function headlessShell(documentsDir: string): ShellServices {
  return {
    chooseSave: async ({ defaultName }) => {
      fs.mkdirSync(documentsDir, { recursive: true });
      return uniquePath(documentsDir, safeFileName(defaultName, 'eksport'));
    },
    chooseOpen: async () => {
      throw new DomainError('unsupported', 'files.browserNoOpenDialog');
    },
    chooseFolder: async () => {
      fs.mkdirSync(documentsDir, { recursive: true });
      return path.resolve(documentsDir);
    },
    openPath: async () => {
      // The page fetches /api/download for the same path; nothing to launch on the server side.
    },
  };
}
