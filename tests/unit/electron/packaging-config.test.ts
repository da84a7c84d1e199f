import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_FILE } from '../../../src-main/core/report/demo-programme';
import { electronNativeBindingPath } from '../../../src-main/electron/launch-options';

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
  win: { target: string[] };
  mac: { target: string[] };
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
    expect(config.win.target).toEqual(['nsis']);
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
