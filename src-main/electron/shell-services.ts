import fs from 'node:fs';
import path from 'node:path';
import type { BaseWindow, Dialog, Shell } from 'electron';
import type { ShellServices } from '../api/context';
import { DomainError } from '../core/errors';

/**
 * ShellServices on the desktop: native dialogs, modal to Bindeled's window, and "open in Word".
 * Electron's dialog and shell are passed in (type imports only), so the tests drive this with fakes.
 * The handler checks `assertWrittenFile` before `openPath`; the existence check here is the second
 * line: a path that was recorded but has since been replaced by a folder or removed is not opened.
 */
export interface ShellDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  shell: Pick<Shell, 'openPath'>;
  window: () => BaseWindow | null;
}

export function createShellServices({ dialog, shell, window }: ShellDeps): ShellServices {
  return {
    async chooseSave({ title, defaultName, filters }) {
      const options = { title, defaultPath: defaultName, filters, properties: ['showOverwriteConfirmation' as const] };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpen({ title, filters }) {
      const options = { title, filters, properties: ['openFile' as const] };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFolder({ title }) {
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async openPath(file) {
      const resolved = path.resolve(file);
      if (!fs.statSync(resolved, { throwIfNoEntry: false })?.isFile()) {
        throw new DomainError('not_found', 'files.openFailed', { reason: resolved });
      }
      // openPath resolves to an error text ('' on success) instead of rejecting.
      const error = await shell.openPath(resolved);
      if (error) throw new DomainError('internal', 'files.openFailed', { reason: error });
    },
  };
}
