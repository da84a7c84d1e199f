import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../src-main/api/dispatcher';
import type { UpdateConfig } from '../../../src-main/core/updates/update-config';
import { type DesktopUpdateDeps, startDesktopUpdates } from '../../../src-main/electron/desktop-updates';
import { openTestStore, tempDir } from '../../helpers/temp-db';

/**
 * The desktop shell's update wiring under Node: Electron's parts (timers, running the installer)
 * are stand-ins, the feed is a real one on 127.0.0.1 as electron-builder publishes it.
 */
const INSTALLER = Buffer.from('MZ… Bindeled 1.2.0 installer æøå '.repeat(2000));
const sha512 = (b: Buffer) => createHash('sha512').update(b).digest('base64');
const NOTES = 'Nyt i denne version:\n- Breve, der er åbne i Word, får et nyt navn i stedet for en fejl.';

function latestYml(version = '1.2.0', sha = sha512(INSTALLER)): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: Bindeled-${version}-setup.exe`,
    `    sha512: ${sha}`,
    `    size: ${INSTALLER.length}`,
    `path: Bindeled-${version}-setup.exe`,
    `sha512: ${sha}`,
    'releaseNotes: |',
    ...NOTES.split('\n').map((l) => `  ${l}`),
    '',
  ].join('\n');
}

let server: http.Server;
let feed: { yml: string; requests: string[] };
let url: string;
let dir: string;
let cleanup: () => void;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('bindeled-desktop-update-'));
  feed = { yml: latestYml(), requests: [] };
  server = http.createServer((req, res) => {
    feed.requests.push(req.url ?? '');
    if (req.url === '/bindeled/latest.yml') res.end(feed.yml);
    else if (req.url === '/bindeled/Bindeled-1.2.0-setup.exe') res.end(INSTALLER);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bindeled/`;
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  cleanup();
});

const config = (over: Partial<UpdateConfig> = {}): UpdateConfig => ({
  source: url,
  publisherName: [],
  checkHours: 6,
  file: 'update.json',
  ...over,
});

/** Electron's parts as stand-ins: the timer is held, not run; the installer is recorded. */
function shell(over: Partial<DesktopUpdateDeps> = {}) {
  const timers: Array<{ run: () => void; ms: number; cleared: boolean }> = [];
  const installs: Array<{ file: string; args: string[] }> = [];
  const logged: string[] = [];
  const updates = startDesktopUpdates({
    config: config(),
    currentVersion: '1.1.0',
    platform: 'win32',
    cacheDir: dir,
    runInstaller: (file, args) => installs.push({ file, args }),
    setTimer: (run, ms) => {
      const t = { run, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => {
      (h as { cleared: boolean }).cleared = true;
    },
    log: (text) => logged.push(text),
    ...over,
  });
  return { updates, timers, installs, logged };
}

describe('updates in the desktop app', () => {
  it('check at start, download, show the Danish notes, and install when the user quits', async () => {
    const { updates, timers, installs } = shell();
    const s = await updates.checkNow();
    expect(feed.requests).toEqual(['/bindeled/latest.yml', '/bindeled/Bindeled-1.2.0-setup.exe']);
    expect(s).toEqual({ state: 'downloaded', version: '1.2.0', notes: NOTES, message: null, installsOnQuit: true });
    // The next look is due after IT's checkHours.
    expect(timers.map((t) => t.ms)).toEqual([6 * 60 * 60 * 1000]);

    expect(updates.quit()).toBe(true);
    expect(installs).toEqual([
      { file: path.join(dir, 'pending', 'Bindeled-1.2.0-setup.exe'), args: ['/S', '--updated'] },
    ]);
    expect(fs.readFileSync(installs[0]?.file as string).equals(INSTALLER)).toBe(true);
    updates.stop();
    expect(timers[0]?.cleared).toBe(true);
  });

  it('look again every few hours, and a downloaded update is not fetched twice', async () => {
    feed.yml = latestYml('1.1.0');
    const { updates, timers } = shell();
    expect((await updates.checkNow()).state).toBe('current');
    feed.yml = latestYml('1.2.0');
    timers[0]?.run();
    await updates.checkNow();
    expect(updates.status(0)).toMatchObject({ state: 'downloaded', version: '1.2.0' });
    expect(timers).toHaveLength(2);
    const before = feed.requests.length;
    await updates.checkNow();
    expect(feed.requests.length).toBe(before);
    updates.stop();
  });

  it('never install while a form has unsaved changes, and say so; once it is saved, install at quit', async () => {
    const { updates, installs } = shell();
    await updates.checkNow();
    expect(updates.status(1).installsOnQuit).toBe(false);
    expect(updates.quit()).toBe(false);
    expect(installs).toEqual([]);
    expect(updates.status(0).installsOnQuit).toBe(true);
    expect(updates.quit()).toBe(true);
    updates.stop();
  });

  it('never install while a job runs in the dispatcher', async () => {
    const { updates, installs } = shell();
    await updates.checkNow();
    let finish: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const slow: Dispatch = async () => {
      await held;
      return { ok: true, value: null };
    };
    const dispatch = updates.trackJobs(slow);
    const job = dispatch('interop.import', {}, { jobId: 'import-1' });
    // A call that is not a job does not hold the update back.
    const plain = dispatch('companies.list', {});
    expect(updates.status(0).installsOnQuit).toBe(false);
    expect(updates.quit()).toBe(false);
    finish();
    await Promise.all([job, plain]);
    expect(updates.status(0).installsOnQuit).toBe(true);
    expect(updates.quit()).toBe(true);
    expect(installs).toHaveLength(1);
    updates.stop();
  });

  it('are off without a source: no request, no timer, the window hears "off"', async () => {
    const { updates, timers } = shell({ config: null });
    expect(await updates.checkNow()).toMatchObject({ state: 'off', installsOnQuit: false });
    expect(updates.quit()).toBe(false);
    expect(timers).toEqual([]);
    expect(feed.requests).toEqual([]);
  });

  it('a broken config file or a feed that fails is said in Danish, and nothing is installed', async () => {
    const broken = shell({ config: null, configError: 'Filen C:\\ProgramData\\Bindeled\\update.json er ugyldig' });
    expect(broken.updates.status(0)).toMatchObject({
      state: 'failed',
      message: expect.stringContaining('update.json'),
    });
    expect(broken.logged).toHaveLength(1);
    expect(feed.requests).toEqual([]);

    feed.yml = latestYml('1.2.0', sha512(Buffer.from('noget andet')));
    const bad = shell();
    const s = await bad.updates.checkNow();
    expect(s.state).toBe('failed');
    expect(s.message).toContain('Bindeled-1.2.0-setup.exe');
    expect(bad.updates.quit()).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'pending'))).toEqual([]);
    bad.updates.stop();
  });

  it('reach the window through the contract method updates.status', async () => {
    const { updates } = shell();
    await updates.checkNow();
    const store = openTestStore({ updates });
    try {
      expect(await store.call('updates.status', { openForms: 2 })).toEqual({
        state: 'downloaded',
        version: '1.2.0',
        notes: NOTES,
        message: null,
        installsOnQuit: false,
      });
      expect(await store.call('updates.status', {})).toMatchObject({ installsOnQuit: true });
    } finally {
      store.close();
      updates.stop();
    }
    const browserMode = openTestStore();
    try {
      expect(await browserMode.call('updates.status', {})).toMatchObject({ state: 'off', installsOnQuit: false });
    } finally {
      browserMode.close();
    }
  });
});
