import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_FILE } from '../../../src-main/core/report/demo-programme';
import { electronNativeBindingPath, fileToOpen } from '../../../src-main/electron/launch-options';

/**
 * Packaging cannot run here (electron-builder downloads Electron), so its configuration
 * is checked instead: what it packs, where the Electron build of better-sqlite3 goes, and the
 * fuses the afterPack hook sets.
 */
const ROOT = path.resolve(__dirname, '../../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  npmRebuild: boolean;
  files: string[];
  extraResources: Array<{ from: string; to: string }>;
  afterPack: string;
  directories: { output: string };
  linux: { target: string[] };
  win: { target: string[]; requestedExecutionLevel?: string };
  mac: { target: string[] };
  nsis: Record<string, unknown>;
  msi: Record<string, unknown>;
  fileAssociations: Array<{ ext: string; name: string; role?: string }>;
  publish: Array<{ provider: string; url: string }>;
}

const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'electron-builder.json'), 'utf8')) as BuilderConfig;
const hook = require(path.join(ROOT, config.afterPack)) as {
  FUSES: Record<string, boolean>;
  electronBinaryPath: (c: unknown) => string;
  fuseOptions: (o: Record<string, string>, v: { V1: string }, c: unknown) => Record<string, unknown>;
};
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
};

describe('electron-builder.json', () => {
  it('names the app and packs it into an asar archive with installers per platform', () => {
    expect(config).toMatchObject({ appId: 'dk.bindeled.app', productName: 'Bindeled', asar: true });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis', 'msi']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('packs the build output, which electron-vite build writes, including the entry package.json names', () => {
    expect(config.files).toContain('out/**');
    expect(pkg.scripts.build).toBe('electron-vite build');
    const viteConfig = fs.readFileSync(path.join(ROOT, 'electron.vite.config.ts'), 'utf8');
    const outDirs = [...viteConfig.matchAll(/outDir: '([^']+)'/g)].map((m) => m[1]);
    expect(outDirs.sort()).toEqual(['out/main', 'out/preload', 'out/renderer']);
    expect(pkg.main.startsWith('out/main/')).toBe(true);
    if (fs.existsSync(path.join(ROOT, 'out/main'))) expect(fs.existsSync(path.join(ROOT, pkg.main))).toBe(true);
  });

  it('ships the Electron build of better-sqlite3 where the app looks for it, and never rebuilds over the network', () => {
    const [native] = config.extraResources;
    expect(native?.from).toBe('.cache/electron-native/better_sqlite3.node');
    // Packaged, the app passes process.resourcesPath as the root to this same function.
    expect(path.join('/resources', native?.to ?? '')).toBe(electronNativeBindingPath('/resources'));
    const producer = fs.readFileSync(path.join(ROOT, 'scripts/electron-native.mjs'), 'utf8');
    expect(producer).toMatch(/'\.cache', 'electron-native'/);
    expect(producer).toMatch(/better_sqlite3\.node/);
    expect(config.npmRebuild).toBe(false);
    // The Node build of better-sqlite3 would not load in Electron: it stays out of the archive.
    expect(config.files).toContain('!node_modules/better-sqlite3/build/**');
  });

  it('ships the demo programme file where the app looks for it in the resources folder', () => {
    const demo = config.extraResources.find((r) => r.from === path.dirname(path.join('resources', DEMO_FILE)));
    expect(demo?.to).toBe(path.dirname(DEMO_FILE));
    expect(fs.existsSync(path.join(ROOT, 'resources', DEMO_FILE))).toBe(true);
  });

  it('runs the fuse hook, and npm run package drives it', () => {
    expect(fs.existsSync(path.join(ROOT, config.afterPack))).toBe(true);
    expect(pkg.scripts.package).toBe('node scripts/package.mjs');
    expect(fs.readFileSync(path.join(ROOT, 'scripts/package.mjs'), 'utf8')).toMatch(
      /--config', 'electron-builder\.json'/,
    );
  });
});

describe('the Windows installers', () => {
  it('install per user without asking for administrator rights, with a Start menu entry, and keep the data on uninstall', () => {
    expect(config.nsis).toMatchObject({
      oneClick: true,
      perMachine: false,
      allowElevation: false,
      packElevateHelper: false,
      createStartMenuShortcut: true,
      shortcutName: 'Bindeled',
      deleteAppDataOnUninstall: false,
    });
    expect(config.win.requestedExecutionLevel).toBe('asInvoker');
  });

  it('include an MSI that IT deploys to the whole machine, upgradable in place', () => {
    expect(config.msi).toMatchObject({ perMachine: true, createStartMenuShortcut: true, shortcutName: 'Bindeled' });
    expect(String(config.msi.upgradeCode)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('register caseload files, so a double-click opens them in Bindeled', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'bindeled.json', role: 'Viewer' })]);
    const win = 'C:\\Users\\Søren Ærø\\OneDrive - Kommune\\Sager\\Ådalen.bindeled.json';
    expect(fileToOpen(['C:\\Program Files\\Bindeled\\Bindeled.exe', win])).toBe(win);
    expect(fileToOpen(['/opt/Bindeled/bindeled', '--db', '/data/x.json', '/home/s/sag.bindeled.json'])).toBe(
      '/home/s/sag.bindeled.json',
    );
    expect(fileToOpen(['bindeled', '--db', 'C:\\data\\b.db'])).toBeNull();
  });

  it('publish update metadata for a generic server, which IT points at its own share', () => {
    expect(config.publish).toEqual([expect.objectContaining({ provider: 'generic' })]);
  });

  it('use only options electron-builder knows', () => {
    const scheme = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
      properties: Record<string, unknown>;
      definitions: Record<string, { properties: Record<string, unknown> }>;
    };
    const known = (def: string, value: object) =>
      Object.keys(value).filter((k) => !(k in (scheme.definitions[def]?.properties ?? {})));
    expect(Object.keys(config).filter((k) => !(k in scheme.properties))).toEqual([]);
    expect(known('NsisOptions', config.nsis)).toEqual([]);
    expect(known('MsiOptions', config.msi)).toEqual([]);
    expect(known('WindowsConfiguration', config.win)).toEqual([]);
    expect(known('FileAssociation', config.fileAssociations[0] ?? {})).toEqual([]);
    expect(known('GenericServerOptions', config.publish[0] ?? {})).toEqual([]);
  });
});

describe('Electron fuses for packaged builds', () => {
  it('switch off running as Node, NODE_OPTIONS and --inspect, and insist on a checked app.asar', () => {
    expect(hook.FUSES).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
    });
  });

  it('are written to the right executable on each platform', () => {
    const ctx = (platform: string) => ({
      appOutDir: '/dist/x',
      electronPlatformName: platform,
      arch: 1,
      packager: { appInfo: { productFilename: 'Bindeled' }, executableName: 'bindeled' },
    });
    expect(hook.electronBinaryPath(ctx('linux'))).toBe(path.join('/dist/x', 'bindeled'));
    expect(hook.electronBinaryPath(ctx('win32'))).toBe(path.join('/dist/x', 'Bindeled.exe'));
    expect(hook.electronBinaryPath(ctx('darwin'))).toBe(path.join('/dist/x', 'Bindeled.app'));
  });

  it('map onto @electron/fuses options by name', () => {
    // The real enum when @electron/fuses is installed; otherwise the names it is known to use.
    let options: Record<string, string>;
    try {
      options = (require('@electron/fuses') as { FuseV1Options: Record<string, string> }).FuseV1Options;
    } catch {
      console.log('packaging: @electron/fuses not installed; checking fuse names against its documented list');
      options = Object.fromEntries(
        [
          'RunAsNode',
          'EnableCookieEncryption',
          'EnableNodeOptionsEnvironmentVariable',
          'EnableNodeCliInspectArguments',
          'EnableEmbeddedAsarIntegrityValidation',
          'OnlyLoadAppFromAsar',
          'LoadBrowserProcessSpecificV8Snapshot',
          'GrantFileProtocolExtraPrivileges',
        ].map((n, i) => [n, String(i)]),
      );
    }
    const out = hook.fuseOptions(options, { V1: '1' }, { electronPlatformName: 'linux', arch: 1 });
    expect(out.version).toBe('1');
    expect(out[options.RunAsNode as string]).toBe(false);
    expect(out[options.OnlyLoadAppFromAsar as string]).toBe(true);
    expect(Object.keys(out)).toHaveLength(Object.keys(hook.FUSES).length + 2);
  });
});
