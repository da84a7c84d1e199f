import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-db';

/**
 * scripts/electron-native.mjs decides whether the app has a usable better-sqlite3 for Electron.
 * Its --check mode is exercised here against a scratch folder; the build itself needs the internet.
 */
const ROOT = path.resolve(__dirname, '../../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const electron = readJson('node_modules/electron/package.json').version as string;
const abi = Number(fs.readFileSync(path.join(ROOT, 'node_modules/electron/abi_version'), 'utf8'));
const betterSqlite3 = readJson('node_modules/better-sqlite3/package.json').version as string;

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('bindeled-native-'));
});
afterEach(() => cleanup());

function check() {
  const r = spawnSync(process.execPath, ['scripts/electron-native.mjs', '--check', '--out', dir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

function place(binary: Buffer, info: Record<string, unknown> = {}) {
  fs.writeFileSync(path.join(dir, 'better_sqlite3.node'), binary);
  const base = { electron, abi, betterSqlite3, platform: process.platform, arch: process.arch };
  fs.writeFileSync(path.join(dir, 'build-info.json'), JSON.stringify({ ...base, ...info }));
}

describe('better-sqlite3 for Electron', () => {
  it('reports a missing build', () => {
    const r = check();
    expect(r.status).toBe(1);
    expect(r.output).toContain('findes ikke');
  });

  it("refuses the Node build, whatever its build-info says (Node's ABI is not Electron's)", () => {
    place(fs.readFileSync(path.join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')));
    const r = check();
    expect(r.status).toBe(1);
    expect(r.output).toContain(`bygget til Node ${process.version} (ABI ${process.versions.modules})`);
  });

  it("accepts a binary that registers itself for Electron's ABI", () => {
    place(Buffer.from(`\u007fELF....node_register_module_v${abi}\u0000....`, 'latin1'));
    const r = check();
    expect(r.output).toContain('✓');
    expect(r.status).toBe(0);
  });

  it('asks for a rebuild after Electron or better-sqlite3 changed', () => {
    place(Buffer.from(`node_register_module_v${abi}`, 'latin1'), { electron: '44.0.0' });
    const r = check();
    expect(r.status).toBe(1);
    expect(r.output).toContain('electron 44.0.0');
  });
});
