import type { MenuItemConstructorOptions } from 'electron';
import { type MessageKey, message } from '../core/messages';

export interface MenuOptions {
  /** Reload and developer tools exist only in development: a consultant never needs them. */
  isDev: boolean;
  isMac: boolean;
}

type Role = NonNullable<MenuItemConstructorOptions['role']>;

/** The roles whose label is the catalogue's `app.menu.<role>`. */
type LabelledRole = {
  [K in MessageKey]: K extends `app.menu.${infer R}` ? (R extends Role ? R : never) : never;
}[MessageKey];

/** Items that keep the platform's behaviour for each role, under the role's own Danish label. */
function roles(...names: LabelledRole[]): MenuItemConstructorOptions[] {
  return names.map((role) => ({ role, label: message(`app.menu.${role}`) }));
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

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
            ...roles('about'),
            separator,
            ...roles('hide', 'hideOthers', 'unhide'),
            separator,
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
    submenu: [...roles('undo', 'redo'), separator, ...roles('cut', 'copy', 'paste', 'selectAll')],
  };

  const devItems: MenuItemConstructorOptions[] = isDev
    ? [...roles('reload', 'forceReload'), { role: 'toggleDevTools', label: message('app.menu.devTools') }, separator]
    : [];

  const view: MenuItemConstructorOptions = {
    label: message('app.menu.view'),
    submenu: [
      ...devItems,
      ...roles('resetZoom', 'zoomIn', 'zoomOut'),
      separator,
      { role: 'togglefullscreen', label: message('app.menu.fullScreen') },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: message('app.menu.help'),
    role: 'help',
    submenu: roles('about'),
  };

  return [...appMenu, file, edit, view, help];
}
