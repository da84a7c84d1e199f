import type { MenuItemConstructorOptions } from 'electron';
import { message } from '../core/messages';

export interface MenuOptions {
  /** Reload and developer tools exist only in development: a consultant never needs them. */
  isDev: boolean;
  isMac: boolean;
}

/**
 * The application menu with Danish labels. Roles give the platform's own behaviour and shortcuts;
 * the labels override Electron's English defaults.
 */
export function buildMenuTemplate({ isDev, isMac }: MenuOptions): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Bindeled',
          submenu: [
            { role: 'about', label: message('app.menu.about') },
            { type: 'separator' },
            { role: 'hide', label: message('app.menu.hide') },
            { role: 'hideOthers', label: message('app.menu.hideOthers') },
            { role: 'unhide', label: message('app.menu.unhide') },
            { type: 'separator' },
            { role: 'quit', label: message('app.menu.quitApp') },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: message('app.menu.file'),
    submenu: [
      isMac
        ? { role: 'close', label: message('app.menu.closeWindow') }
        : { role: 'quit', label: message('app.menu.quit') },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: message('app.menu.edit'),
    submenu: [
      { role: 'undo', label: message('app.menu.undo') },
      { role: 'redo', label: message('app.menu.redo') },
      { type: 'separator' },
      { role: 'cut', label: message('app.menu.cut') },
      { role: 'copy', label: message('app.menu.copy') },
      { role: 'paste', label: message('app.menu.paste') },
      { role: 'selectAll', label: message('app.menu.selectAll') },
    ],
  };

  const devItems: MenuItemConstructorOptions[] = isDev
    ? [
        { role: 'reload', label: message('app.menu.reload') },
        { role: 'forceReload', label: message('app.menu.forceReload') },
        { role: 'toggleDevTools', label: message('app.menu.devTools') },
        { type: 'separator' },
      ]
    : [];

  const view: MenuItemConstructorOptions = {
    label: message('app.menu.view'),
    submenu: [
      ...devItems,
      { role: 'resetZoom', label: message('app.menu.resetZoom') },
      { role: 'zoomIn', label: message('app.menu.zoomIn') },
      { role: 'zoomOut', label: message('app.menu.zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: message('app.menu.fullScreen') },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: message('app.menu.help'),
    role: 'help',
    submenu: [{ role: 'about', label: message('app.menu.about') }],
  };

  return [...appMenu, file, edit, view, help];
}
