#!/usr/bin/env node
// `npm start` (built app) and `npm run dev` (electron-vite dev server with reload and devtools).
//
//   npm start [-- --db PATH]        build, then run Bindeled in Electron
//   npm run dev [-- --db PATH]      electron-vite dev: renderer from the dev server, --dev in main
//
// Steps: build (not in dev) → the Electron binary (the electron package downloads it on first
// use) → better-sqlite3 built for Electron (scripts/electron-native.mjs) → launch. When the binary
// or the native module cannot be had — no internet on first run — it says which, points to
// browser mode, and exits non-zero.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const args = process.argv.slice(2);
const dev = args.includes('--dev');
const appArgs = args.filter((a) => a !== '--dev' && a !== '--');
const electronVite = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');

function step(title, file, stepArgs) {
  console.log(`\n▶ ${title}`);
  return spawnSync(process.execPath, [file, ...stepArgs], { cwd: root, stdio: 'inherit' }).status === 0;
}

/** The electron package's main export is the binary's path; requiring it downloads it if absent. */
function electronBinary() {
  console.log('\n▶ Electron-programmet');
  try {
    const binary = require('electron');
    if (typeof binary === 'string' && fs.existsSync(binary)) return { binary };
    return { problem: `Electron-programmet findes ikke på ${binary}` };
  } catch (err) {
    const reason = String(err?.message ?? err).split('\n')[0];
    return { problem: `Electron-programmet kunne ikke hentes (det downloades fra GitHub første gang): ${reason}` };
  }
}

function childEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  // Set by some editors' terminals; it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

function launch(cmd, cmdArgs, env) {
  const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    console.error(`Bindeled kunne ikke startes: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function main() {
  if (!dev && !step('Bygger appen (electron-vite build)', electronVite, ['build'])) {
    console.error('\n✗ Bygningen mislykkedes; se fejlene ovenfor.');
    process.exit(1);
  }

  const problems = [];
  const electron = electronBinary();
  if (electron.problem) problems.push(electron.problem);
  if (!step('better-sqlite3 bygget til Electron', path.join(root, 'scripts', 'electron-native.mjs'), [])) {
    problems.push(
      'better-sqlite3 kunne ikke bygges til Electron (se ovenfor); uden det kan appen ikke åbne databasen.',
    );
  }

  if (problems.length > 0) {
    console.error(
      [
        '',
        '✗ Bindeled kan ikke starte som skrivebordsprogram på denne maskine:',
        ...problems.map((p) => `  - ${p}`),
        '',
        '  Begge dele hentes fra internettet første gang; kør "npm start" igen med forbindelse.',
        '  Browsertilstand virker uden Electron: npm run web',
        '',
      ].join('\n'),
    );
    process.exit(1);
  }

  if (dev) {
    console.log('\n▶ electron-vite dev');
    launch(
      process.execPath,
      [electronVite, 'dev', '--', '--dev', ...appArgs],
      childEnv({ ELECTRON_EXEC_PATH: electron.binary }),
    );
  } else {
    console.log('\n▶ Starter Bindeled');
    launch(electron.binary, [root, ...appArgs], childEnv());
  }
}

main();
