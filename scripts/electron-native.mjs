#!/usr/bin/env node
// Builds better-sqlite3 for Electron's module ABI into .cache/electron-native/better_sqlite3.node.
//
// node_modules/better-sqlite3 stays built for Node (tests, CLI, browser mode); no Electron version
// shares Node 20's ABI, so the desktop app loads this separate build through better-sqlite3's
// `nativeBinding` option (src-main/electron/main.ts). It needs the internet once: prebuilt binaries
// and Electron's headers are downloaded. Kept out of `npm install` on purpose (docs/architecture.md).
//
//   node scripts/electron-native.mjs            build unless an up-to-date build exists
//   node scripts/electron-native.mjs --force    rebuild
//   node scripts/electron-native.mjs --check    only report whether an up-to-date build exists
//   --out DIR                                   another output folder (tests of this script)
//
// Exit 0: a verified Electron build is in place. Exit 1: it could not be made (message says why).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
// --out only for tests of this script; the app looks in .cache/electron-native (launch-options.ts).
const outArg = process.argv.indexOf('--out');
const outDir = outArg > 0 ? path.resolve(process.argv[outArg + 1] ?? '') : path.join(root, '.cache', 'electron-native');
const outFile = path.join(outDir, 'better_sqlite3.node');
const infoFile = path.join(outDir, 'build-info.json');
const STEP_TIMEOUT_MS = 15 * 60 * 1000;

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

function fail(lines) {
  console.error(['', '✗ better-sqlite3 til Electron:', ...lines.map((l) => `  ${l}`), ''].join('\n'));
  process.exit(1);
}

function target() {
  let electronPkg;
  try {
    electronPkg = require.resolve('electron/package.json');
  } catch {
    fail(['Pakken "electron" er ikke installeret (npm install).']);
  }
  const electronDir = path.dirname(electronPkg);
  const version = readJson(electronPkg).version;
  const abiFile = path.join(electronDir, 'abi_version');
  let abi = fs.existsSync(abiFile) ? fs.readFileSync(abiFile, 'utf8').trim() : '';
  if (!/^\d+$/.test(abi)) {
    try {
      abi = require('node-abi').getAbi(version, 'electron');
    } catch {
      fail([`Kender ikke modul-ABI for Electron ${version} (hverken electron/abi_version eller node-abi).`]);
    }
  }
  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  return {
    electron: version,
    abi: Number(abi),
    betterSqlite3: readJson(path.join(sqliteDir, 'package.json')).version,
    sqliteDir,
    platform: process.platform,
    arch: process.arch,
  };
}

/** The ABI a Node addon was compiled for, from its `node_register_module_v<ABI>` export. */
function binaryAbi(file) {
  const text = fs.readFileSync(file).toString('latin1');
  const abis = new Set([...text.matchAll(/node_register_module_v(\d+)/g)].map((m) => Number(m[1])));
  return abis.size === 1 ? [...abis][0] : null;
}

function verify(file, want) {
  const abi = binaryAbi(file);
  if (abi === null) return `ABI kunne ikke aflæses i ${file}`;
  if (abi === Number(process.versions.modules)) {
    return `binæren er bygget til Node ${process.version} (ABI ${abi}), ikke til Electron ${want.electron} (ABI ${want.abi}) — node-gyp brugte Nodes headers (npm config nodedir?)`;
  }
  if (abi !== want.abi) return `binæren har ABI ${abi}, Electron ${want.electron} kræver ABI ${want.abi}`;
  return null;
}

/** Why the cached build cannot be used, or null when it is current and has Electron's ABI. */
function staleReason(want) {
  if (!fs.existsSync(outFile)) return `${path.relative(root, outFile)} findes ikke`;
  let info;
  try {
    info = readJson(infoFile);
  } catch {
    return `${path.relative(root, infoFile)} mangler eller kan ikke læses`;
  }
  const changed = ['electron', 'abi', 'betterSqlite3', 'platform', 'arch'].filter((k) => info[k] !== want[k]);
  if (changed.length) return `bygget til ${changed.map((k) => `${k} ${info[k]}`).join(', ')}`;
  return verify(outFile, want);
}

/** npm passes its config to scripts as npm_config_*; these would point node-gyp at Node's headers. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|build_from_source|devdir)$/i.test(key)) {
      delete env[key];
    }
  }
  return env;
}

function nodeGypPath() {
  const candidates = [];
  if (process.env.npm_config_node_gyp) candidates.push(process.env.npm_config_node_gyp);
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {}
  const npmCli = process.env.npm_execpath;
  if (npmCli) candidates.push(path.join(path.dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const npm = path.join(dir, 'npm');
    if (!fs.existsSync(npm)) continue;
    const real = fs.realpathSync(npm);
    candidates.push(path.join(path.dirname(real), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  }
  return candidates.find((c) => fs.existsSync(c)) ?? null;
}

function run(title, cmd, args, cwd) {
  console.log(`▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: STEP_TIMEOUT_MS });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status === 0) return { ok: true, output };
  const reason = r.error?.message ?? lastLines(output) ?? `exit ${r.status}`;
  console.log(`  mislykkedes: ${reason}`);
  return { ok: false, reason };
}

/** The few lines that say why a download or compile failed, without node-gyp's boilerplate. */
function lastLines(text) {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/^(gyp|prebuild-install)\s+(ERR!|WARN|warn|info|http)\s*/i, '').trim());
  const telling = lines.filter((l) =>
    /ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|network|proxy|^stack Error|error:|^install |^GET |^request GET/i.test(
      l,
    ),
  );
  const picked = [...new Set(telling.length ? telling : lines.filter(Boolean).slice(-3))].slice(0, 4);
  return picked.join(' | ') || null;
}

function main() {
  const want = target();
  const label = `Electron ${want.electron} (ABI ${want.abi}), better-sqlite3 ${want.betterSqlite3}, ${want.platform}-${want.arch}`;
  const stale = staleReason(want);
  if (!process.argv.includes('--force') && stale === null) {
    console.log(`✓ better-sqlite3 til ${label} findes: ${path.relative(root, outFile)}`);
    return;
  }
  if (process.argv.includes('--check')) fail([`Ingen brugbar build til ${label}: ${stale ?? 'genbygning ønsket'}.`]);

  console.log(`Bygger better-sqlite3 til ${label} …`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bindeled-electron-native-'));
  try {
    // A copy, so node_modules/better-sqlite3 keeps its Node build for the tests and the CLI.
    const pkg = path.join(work, 'better-sqlite3');
    fs.cpSync(want.sqliteDir, pkg, {
      recursive: true,
      filter: (src) => path.relative(want.sqliteDir, src).split(path.sep)[0] !== 'build',
    });
    const built = path.join(pkg, 'build', 'Release', 'better_sqlite3.node');
    const failures = [];

    const prebuild = run(
      'prebuild-install (færdigbygget binær fra GitHub)',
      process.execPath,
      [
        require.resolve('prebuild-install/bin.js'),
        '--runtime=electron',
        `--target=${want.electron}`,
        `--arch=${want.arch}`,
        `--platform=${want.platform}`,
        '--verbose',
      ],
      pkg,
    );
    if (!prebuild.ok) failures.push(`prebuild-install: ${prebuild.reason}`);

    if (!prebuild.ok || !fs.existsSync(built) || verify(built, want)) {
      if (prebuild.ok) failures.push(`prebuild-install: ${verify(built, want) ?? 'ingen binær'}`);
      const gyp = nodeGypPath();
      if (!gyp) failures.push('node-gyp: ikke fundet (hverken i node_modules eller ved npm)');
      else {
        const compiled = run(
          'node-gyp rebuild mod Electrons headers (hentes fra electronjs.org)',
          process.execPath,
          [
            gyp,
            'rebuild',
            '--release',
            '--runtime=electron',
            `--target=${want.electron}`,
            `--arch=${want.arch}`,
            '--dist-url=https://electronjs.org/headers',
            // Headers are kept here between runs; no --nodedir, so Node's own headers are never used.
            `--devdir=${path.join(outDir, 'gyp')}`,
          ],
          pkg,
        );
        if (!compiled.ok) failures.push(`node-gyp: ${compiled.reason}`);
      }
    }

    if (!fs.existsSync(built)) {
      fail([
        `Kunne ikke skaffe en build til ${label}.`,
        ...failures,
        'Begge veje kræver internet (GitHub for færdige binærer, electronjs.org for headers).',
        'Kør igen på en maskine med internet. Browsertilstand virker uden Electron: npm run web',
      ]);
    }
    const problem = verify(built, want);
    if (problem) fail([`Den byggede binær kan ikke bruges: ${problem}.`, ...failures]);

    fs.mkdirSync(outDir, { recursive: true });
    const tmp = `${outFile}.${process.pid}.tmp`;
    fs.copyFileSync(built, tmp);
    fs.renameSync(tmp, outFile);
    const { sqliteDir: _ignored, ...info } = want;
    fs.writeFileSync(infoFile, `${JSON.stringify({ ...info, builtAt: new Date().toISOString() }, null, 2)}\n`);
    console.log(`✓ ${path.relative(root, outFile)} (ABI ${want.abi}) er klar.`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
