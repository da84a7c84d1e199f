import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src-main/core/errors';
import {
  argValue,
  electronNativeBindingPath,
  findNativeBinding,
  resolveLaunchOptions,
} from '../../../src-main/electron/launch-options';
import { buildMenuTemplate } from '../../../src-main/electron/menu';
import { describeStartupError } from '../../../src-main/electron/startup-error';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('application menu', () => {
  it('has the Danish top-level menus and a quit item', () => {
    const menu = buildMenuTemplate({ isDev: false, isMac: false });
    expect(menu.map((m) => m.label)).toEqual(['Filer', 'Rediger', 'Vis', 'Hjælp']);
    const file = flatten(menu[0]?.submenu as MenuItemConstructorOptions[]);
    expect(file).toContainEqual({ role: 'quit', label: 'Afslut' });
    const edit = flatten(menu[1]?.submenu as MenuItemConstructorOptions[]).map((i) => i.label);
    expect(edit).toEqual(expect.arrayContaining(['Fortryd', 'Klip', 'Kopiér', 'Sæt ind', 'Markér alt']));
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) => flatten(buildMenuTemplate({ isDev, isMac: false })).map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('forceReload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('puts quit in the app menu on macOS', () => {
    const menu = buildMenuTemplate({ isDev: false, isMac: true });
    expect(menu.map((m) => m.label)).toEqual(['Bindeled', 'Filer', 'Rediger', 'Vis', 'Hjælp']);
    expect(flatten(menu[0]?.submenu as MenuItemConstructorOptions[]).map((i) => i.role)).toContain('quit');
  });
});

describe('launch options', () => {
  const base = { env: {}, userDataDir: () => '/home/k/.config/Bindeled', isPackaged: false };

  it('keeps the database in userData unless --db or BINDELED_DB says otherwise', () => {
    expect(resolveLaunchOptions({ ...base, argv: ['electron', '.'] }).dbPath).toBe(
      path.resolve('/home/k/.config/Bindeled/bindeled.db'),
    );
    expect(resolveLaunchOptions({ ...base, argv: ['electron', '.', '--db', '/tmp/a.db'] }).dbPath).toBe(
      path.resolve('/tmp/a.db'),
    );
    expect(resolveLaunchOptions({ ...base, argv: ['electron', '.', '--db=/tmp/b.db'] }).dbPath).toBe(
      path.resolve('/tmp/b.db'),
    );
    expect(resolveLaunchOptions({ ...base, env: { BINDELED_DB: '/tmp/env.db' }, argv: [] }).dbPath).toBe(
      path.resolve('/tmp/env.db'),
    );
    expect(
      resolveLaunchOptions({ ...base, env: { BINDELED_DB: '/tmp/env.db' }, argv: ['--db', '/tmp/arg.db'] }).dbPath,
    ).toBe(path.resolve('/tmp/arg.db'));
    expect(resolveLaunchOptions({ ...base, argv: ['--user-data', '/tmp/ud'] })).toMatchObject({
      dbPath: path.resolve('/tmp/ud/bindeled.db'),
      userDataDir: path.resolve('/tmp/ud'),
    });
  });

  it('reads --name VALUE and --name=VALUE, ignoring a missing value', () => {
    expect(argValue(['--db'], '--db')).toBeNull();
    expect(argValue(['--db', '--dev'], '--db')).toBeNull();
    expect(argValue(['--db='], '--db')).toBeNull();
    expect(argValue(['--dbx=1'], '--db')).toBeNull();
  });

  it('runs in dev mode only unpackaged, and loads only a loopback dev server', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(resolveLaunchOptions({ ...base, env, argv: ['--dev'] })).toMatchObject({
      dev: true,
      devServerUrl: 'http://localhost:5173',
    });
    expect(resolveLaunchOptions({ ...base, env, argv: ['--dev'], isPackaged: true })).toMatchObject({
      dev: false,
      devServerUrl: null,
    });
    expect(resolveLaunchOptions({ ...base, env, argv: [] }).devServerUrl).toBeNull();
    const remote = { ELECTRON_RENDERER_URL: 'http://evil.example:5173' };
    expect(resolveLaunchOptions({ ...base, env: remote, argv: ['--dev'] }).devServerUrl).toBeNull();
  });

  it('uses the Electron build of better-sqlite3 when scripts/electron-native.mjs has made one', () => {
    const file = electronNativeBindingPath('/app');
    expect(file).toBe(path.join('/app', '.cache', 'electron-native', 'better_sqlite3.node'));
    expect(findNativeBinding('/app', (f) => f === file)).toBe(file);
    expect(findNativeBinding('/app', () => false)).toBeUndefined();
  });
});

describe('start-up error box', () => {
  it('explains a native module built for the wrong ABI', () => {
    const err = new Error(
      "The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 150.",
    );
    const text = describeStartupError(err, '/tmp/x.db');
    expect(text).toContain('ikke bygget til denne version af Electron');
    expect(text).toContain('npm start');
  });

  it('names the database file it could not open, and the newer-schema refusal in Danish', () => {
    const cantOpen = Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' });
    expect(describeStartupError(cantOpen, '/tmp/x.db')).toContain('Databasefilen kunne ikke åbnes: /tmp/x.db');
    const tooNew = new DomainError('schema_too_new', 'database.schemaTooNew', {});
    expect(describeStartupError(tooNew, '/tmp/x.db')).toContain('nyere version af Bindeled');
    expect(describeStartupError('boom', '/tmp/x.db')).toContain('uventet fejl');
  });
});
