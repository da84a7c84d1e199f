import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  machineConfigPath,
  readUpdateConfig,
  type UpdateConfig,
} from '../../../../src-main/core/updates/update-config';
import { compareVersions, UpdateController } from '../../../../src-main/core/updates/update-controller';
import { parseUpdateInfo } from '../../../../src-main/core/updates/update-feed';
import { tempDir } from '../../../helpers/temp-db';

/**
 * The update logic under Node against a feed on 127.0.0.1, laid out as electron-builder publishes
 * it for the generic provider: latest.yml beside the installer.
 */
const INSTALLER = Buffer.from('MZ… Bindeled 1.2.0 installer æøå '.repeat(5000));
const sha512 = (b: Buffer) => createHash('sha512').update(b).digest('base64');

function latestYml(over: { sha?: string; size?: number; version?: string } = {}): string {
  return [
    `version: ${over.version ?? '1.2.0'}`,
    'files:',
    '  - url: Bindeled-1.2.0-setup.exe',
    `    sha512: ${over.sha ?? sha512(INSTALLER)}`,
    `    size: ${over.size ?? INSTALLER.length}`,
    'path: Bindeled-1.2.0-setup.exe',
    `sha512: ${over.sha ?? sha512(INSTALLER)}`,
    "releaseDate: '2026-12-01T10:00:00.000Z'",
    'releaseNotes: |',
    '  Nyt i denne version:',
    '  - Breve, der er åbne i Word, får et nyt navn i stedet for en fejl.',
    '',
  ].join('\n');
}

let server: http.Server;
let feed: { yml: string; file: Buffer; requests: string[] };
let url: string;
let dir: string;
let cleanup: () => void;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('bindeled-update-'));
  feed = { yml: latestYml(), file: INSTALLER, requests: [] };
  server = http.createServer((req, res) => {
    feed.requests.push(req.url ?? '');
    if (req.url === '/bindeled/latest.yml') res.end(feed.yml);
    else if (req.url === '/bindeled/Bindeled-1.2.0-setup.exe') res.end(feed.file);
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
  checkHours: 24,
  file: 'update.json',
  ...over,
});
const controller = (c: UpdateConfig | null, extra: Partial<ConstructorParameters<typeof UpdateController>[0]> = {}) =>
  new UpdateController({ config: c, currentVersion: '1.1.0', platform: 'win32', cacheDir: dir, ...extra });

describe('updates from a feed IT controls', () => {
  it('are off, and never ask anyone, without a machine-wide source', async () => {
    expect(readUpdateConfig(path.join(dir, 'findes-ikke.json'))).toBeNull();
    const u = controller(null);
    expect(await u.check()).toEqual({ kind: 'off' });
    expect(await u.download()).toEqual({ kind: 'off' });
    expect(feed.requests).toEqual([]);
  });

  it('read the source from the machine-wide file, and refuse a broken one naming it', () => {
    expect(machineConfigPath('win32', { ProgramData: 'C:\\ProgramData' })).toBe(
      'C:\\ProgramData\\Bindeled\\update.json',
    );
    expect(machineConfigPath('linux', {})).toBe('/etc/bindeled/update.json');
    const file = path.join(dir, 'update.json');
    fs.writeFileSync(
      file,
      `\uFEFF${JSON.stringify({ url: '\\\\fil01\\software\\Bindeled', publisherName: 'Kommune IT' })}`,
    );
    expect(readUpdateConfig(file)).toEqual({
      source: '\\\\fil01\\software\\Bindeled',
      publisherName: ['Kommune IT'],
      checkHours: 24,
      file,
    });
    fs.writeFileSync(file, JSON.stringify({ url: 'ftp://x' }));
    expect(() => readUpdateConfig(file)).toThrow(expect.objectContaining({ key: 'update.configInvalid' }));
  });

  it('find a newer version with its Danish notes, download it, check it, and install it when the user quits', async () => {
    const u = controller(config());
    const found = await u.check();
    expect(found.kind).toBe('available');
    expect(u.describe()).toEqual({
      version: '1.2.0',
      notes: 'Nyt i denne version:\n- Breve, der er åbne i Word, får et nyt navn i stedet for en fejl.',
    });
    const done = await u.download();
    expect(done.kind).toBe('downloaded');
    const file = (done as { file: string }).file;
    expect(fs.readFileSync(file).equals(INSTALLER)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['Bindeled-1.2.0-setup.exe']);
    expect(feed.requests).toEqual(['/bindeled/latest.yml', '/bindeled/Bindeled-1.2.0-setup.exe']);
    expect(u.installOnQuit({ forms: 0, jobs: 0 })).toEqual({ file, args: ['/S', '--updated'] });
  });

  it('never restart or install while a form or a job is open', async () => {
    const u = controller(config());
    await u.check();
    await u.download();
    expect(u.mayRestartNow({ forms: 1, jobs: 0 })).toBe(false);
    expect(u.mayRestartNow({ forms: 0, jobs: 1 })).toBe(false);
    expect(u.installOnQuit({ forms: 1, jobs: 0 })).toBeNull();
    expect(u.installOnQuit({ forms: 0, jobs: 2 })).toBeNull();
    expect(u.mayRestartNow({ forms: 0, jobs: 0 })).toBe(true);
  });

  it('say so when the installed version is the newest', async () => {
    feed.yml = latestYml({ version: '1.1.0' });
    expect(await controller(config()).check()).toEqual({ kind: 'current', version: '1.1.0' });
  });

  it('refuse a download that is not the file the feed describes, and keep nothing of it', async () => {
    feed.file = Buffer.concat([INSTALLER.subarray(0, 100), Buffer.from('ændret'), INSTALLER.subarray(106)]);
    const u = controller(config());
    await u.check();
    expect(await u.download()).toEqual({
      kind: 'failed',
      message:
        'Opdateringen Bindeled-1.2.0-setup.exe er ikke den, opdateringsstedet beskriver (kontrolsummen passer ikke). Den installeres ikke.',
    });
    expect(fs.readdirSync(path.join(dir, 'pending'))).toEqual([]);
    expect(u.installOnQuit({ forms: 0, jobs: 0 })).toBeNull();
  });

  it('refuse an installer not signed by the publisher IT named', async () => {
    const seen: string[][] = [];
    const u = controller(config({ publisherName: ['Kommune IT'] }), {
      verifySignature: async (names) => {
        seen.push(names);
        return 'signeret af en anden';
      },
    });
    await u.check();
    const r = await u.download();
    expect(seen).toEqual([['Kommune IT']]);
    expect(r).toEqual({
      kind: 'failed',
      message:
        'Opdateringen Bindeled-1.2.0-setup.exe er ikke signeret af Kommune IT (signeret af en anden). Den installeres ikke.',
    });
    expect(fs.readdirSync(path.join(dir, 'pending'))).toEqual([]);
  });

  it('read the feed from a file share as well as from a web server', async () => {
    const share = path.join(dir, 'share');
    fs.mkdirSync(share);
    fs.writeFileSync(path.join(share, 'latest.yml'), latestYml());
    fs.writeFileSync(path.join(share, 'Bindeled-1.2.0-setup.exe'), INSTALLER);
    const u = controller(config({ source: share }), { cacheDir: path.join(dir, 'cache') });
    await u.check();
    expect((await u.download()).kind).toBe('downloaded');
    expect(feed.requests).toEqual([]);
  });

  it('name the feed when it cannot be reached', async () => {
    const u = controller(config({ source: `${url}findes-ikke/` }));
    const r = await u.check();
    expect(r).toMatchObject({ kind: 'failed' });
    expect((r as { message: string }).message).toContain(`${url}findes-ikke/latest.yml`);
  });

  it('compare versions as semver does', () => {
    expect(compareVersions('1.10.0', '1.9.3')).toBe(1);
    expect(compareVersions('1.2.0-beta.1', '1.2.0')).toBe(-1);
    expect(compareVersions('v2.0.0', '2.0.0')).toBe(0);
    expect(parseUpdateInfo("version: '3.0.1'\npath: a.exe\nsha512: abc\n", 'x').version).toBe('3.0.1');
  });
});
