import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ElectronApplication, _electron as electron, expect, type Page, test } from '@playwright/test';

/**
 * The desktop app itself, launched by Playwright's `_electron` from the built output with a fresh
 * database. It needs the Electron binary and better-sqlite3 built for Electron; where either is
 * missing (no internet on first run) the tests skip and print why — they never pass silently.
 *
 * Self-contained: run with a Playwright project whose testDir is tests/electron, e.g.
 *   { name: 'electron', testDir: 'tests/electron' }
 * It builds the app (electron-vite build) and the native module when they are missing.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));

/** Finds the binary without `require('electron')`, which would try to download it. */
function electronBinary(): { path: string } | { reason: string } {
  let pkgDir: string;
  try {
    pkgDir = path.dirname(requireFromRoot.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed (npm install)' };
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!override && !fs.existsSync(pathFile)) {
    return {
      reason:
        'the Electron binary has not been downloaded (node_modules/electron/path.txt is missing); ' +
        'run "npm start" once on a machine with internet',
    };
  }
  const exe = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : 'electron';
  const full = override ? path.join(override, exe) : path.join(pkgDir, 'dist', exe);
  return fs.existsSync(full) ? { path: full } : { reason: `the Electron binary is missing at ${full}` };
}

function run(args: string[]): { ok: boolean; output: string } {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** Everything the launch needs, or why it cannot happen here. */
function prepare(): { binary: string } | { reason: string } {
  const found = electronBinary();
  if ('reason' in found) return found;
  const native = run(['scripts/electron-native.mjs']);
  if (!native.ok) {
    return { reason: `better-sqlite3 could not be built for Electron: ${native.output.trim().split('\n').at(-3)}` };
  }
  if (!fs.existsSync(path.join(ROOT, 'out/main/main.js'))) {
    const build = run([path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
    if (!build.ok) throw new Error(`electron-vite build failed:\n${build.output}`);
  }
  return { binary: found.path };
}

interface BridgeResult {
  ok: boolean;
  value?: { transport?: string; databasePath?: string; companyCount?: number };
  error?: { code: string };
}

const setup = prepare();
const skipReason = 'reason' in setup ? `Electron tests skipped: ${setup.reason}` : null;
if (skipReason) console.log(skipReason);

test.describe('Bindeled desktop app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let app: ElectronApplication;
  let page: Page;
  let dir: string;
  let dbPath: string;

  test.beforeAll(async () => {
    if (!('binary' in setup)) return;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindeled-electron-'));
    dbPath = path.join(dir, 'bindeled.db');
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    delete env.ELECTRON_RUN_AS_NODE;
    app = await electron.launch({
      executablePath: setup.binary,
      args: [ROOT, '--db', dbPath, '--user-data', path.join(dir, 'user-data')],
      cwd: ROOT,
      env,
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('opens one window titled Bindeled on the app:// page', async () => {
    await expect(page).toHaveTitle('Bindeled');
    expect(page.url()).toBe('app://bindeled/index.html');
    expect(app.windows()).toHaveLength(1);
  });

  test('talks to the database named by --db through the preload bridge', async () => {
    const info = await page.evaluate(async () => {
      const bridge = (globalThis as unknown as { bindeled: { invoke: (m: string, i: unknown) => Promise<unknown> } })
        .bindeled;
      return (await bridge.invoke('app.info', {})) as BridgeResult;
    });
    expect(info).toMatchObject({ ok: true, value: { transport: 'electron', databasePath: dbPath } });
    expect(fs.existsSync(dbPath)).toBe(true);
  });

  test('gives the page no Node, no ipcRenderer and no new windows', async () => {
    const probe = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      return {
        require: typeof g.require,
        process: typeof g.process,
        bridgeKeys: Object.keys(g.bindeled as object).sort(),
        opened: (g.open as (url: string) => unknown)('https://example.com/') === null,
      };
    });
    expect(probe).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridgeKeys: ['invoke', 'onEvent', 'transport'],
      opened: true,
    });
    expect(app.windows()).toHaveLength(1);
  });

  test('serves its own files with the CSP header and nothing outside the renderer folder', async () => {
    const res = await page.evaluate(async () => {
      const own = await fetch('app://bindeled/index.html');
      const outside = await fetch('app://bindeled/..%2f..%2fpackage.json');
      return { status: own.status, csp: own.headers.get('content-security-policy'), escape: outside.status };
    });
    expect(res.status).toBe(200);
    expect(res.csp).toContain("default-src 'none'");
    expect(res.escape).toBe(403);
  });
});
