import type { MenuItemConstructorOptions } from 'electron';

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
            { role: 'about', label: 'Om Bindeled' },
            { type: 'separator' },
            { role: 'hide', label: 'Skjul Bindeled' },
            { role: 'hideOthers', label: 'Skjul andre' },
            { role: 'unhide', label: 'Vis alle' },
            { type: 'separator' },
            { role: 'quit', label: 'Afslut Bindeled' },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: 'Filer',
    submenu: [isMac ? { role: 'close', label: 'Luk vindue' } : { role: 'quit', label: 'Afslut' }],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Rediger',
    submenu: [
      { role: 'undo', label: 'Fortryd' },
      { role: 'redo', label: 'Gentag' },
      { type: 'separator' },
      { role: 'cut', label: 'Klip' },
      { role: 'copy', label: 'Kopiér' },
      { role: 'paste', label: 'Sæt ind' },
      { role: 'selectAll', label: 'Markér alt' },
    ],
  };

  const devItems: MenuItemConstructorOptions[] = isDev
    ? [
        { role: 'reload', label: 'Genindlæs' },
        { role: 'forceReload', label: 'Genindlæs helt' },
        { role: 'toggleDevTools', label: 'Udviklerværktøjer' },
        { type: 'separator' },
      ]
    : [];

  const view: MenuItemConstructorOptions = {
    label: 'Vis',
    submenu: [
      ...devItems,
      { role: 'resetZoom', label: 'Normal størrelse' },
      { role: 'zoomIn', label: 'Zoom ind' },
      { role: 'zoomOut', label: 'Zoom ud' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: 'Fuld skærm' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: 'Hjælp',
    role: 'help',
    submenu: [{ role: 'about', label: 'Om Bindeled' }],
  };

  return [...appMenu, file, edit, view, help];
}
