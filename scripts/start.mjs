#!/usr/bin/env node
// `npm start` (built app) and `npm run dev` (electron-vite dev server with reload and devtools).
//
//   npm start [-- --db PATH]        build, then run Bindeled in Electron
//   npm run dev [-- --db PATH]      electron-vite dev: renderer from the dev server, --dev in main
//
// Steps: build (not in dev) → the Electron binary (the electron package downloads it on first
// use) → better-sqlite3 built for Electron (scripts/electron-native.mjs) → launch. Each step's own
// output (build lines, download stack traces, node-gyp) goes to a log file; the terminal shows one
// line per step. When the binary or the native module cannot be had (no internet on first run),
// it prints a short Danish summary, the browser-mode command that works without Electron, and the
// log's path, and exits non-zero.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dev = args.includes('--dev');
const appArgs = args.filter((a) => a !== '--dev' && a !== '--');
const electronVite = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const logFile = path.join(root, '.cache', 'npm-start.log');

fs.mkdirSync(path.dirname(logFile), { recursive: true });
fs.writeFileSync(logFile, `npm start ${new Date().toISOString()}\n`);

function log(title, result) {
  const out = [result.stdout, result.stderr, result.error?.message].filter(Boolean).join('\n');
  fs.appendFileSync(logFile, `\n=== ${title} (exit ${result.status ?? 'none'})\n${out}\n`);
}

/** Runs a Node script with its output sent to the log; true when it succeeded. */
function step(title, file, stepArgs) {
  process.stdout.write(`▶ ${title} … `);
  const result = spawnSync(process.execPath, [file, ...stepArgs], { cwd: root, encoding: 'utf8' });
  log(title, result);
  const ok = result.status === 0;
  console.log(ok ? 'ok' : 'mislykkedes');
  return ok;
}

/**
 * The electron package's main export is the binary's path; requiring it downloads the binary when
 * absent, printing the downloader's stack traces. In a child process, so they go to the log.
 */
function electronBinary() {
  const title = 'Electron-programmet';
  process.stdout.write(`▶ ${title} … `);
  const result = spawnSync(process.execPath, ['-e', "process.stdout.write(String(require('electron')))"], {
    cwd: root,
    encoding: 'utf8',
  });
  log(title, result);
  const binary = result.status === 0 ? result.stdout.trim() : '';
  const ok = binary !== '' && fs.existsSync(binary);
  console.log(ok ? 'ok' : 'mislykkedes');
  return ok ? { binary } : { problem: 'Electron-programmet kunne ikke hentes (det downloades første gang).' };
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
  if (!dev && !step('Bygger appen', electronVite, ['build'])) {
    console.error(`\n✗ Bygningen mislykkedes. Detaljer: ${logFile}`);
    process.exit(1);
  }

  const problems = [];
  const electron = electronBinary();
  if (electron.problem) problems.push(electron.problem);
  if (!step('better-sqlite3 til Electron', path.join(root, 'scripts', 'electron-native.mjs'), [])) {
    problems.push('Databasemodulet (better-sqlite3) kunne ikke bygges til Electron.');
  }

  if (problems.length > 0) {
    console.error(
      [
        '',
        '✗ Bindeled kan ikke starte som skrivebordsprogram på denne maskine:',
        ...problems.map((p) => `  - ${p}`),
        '  Begge dele hentes fra internettet første gang; kør "npm start" igen med forbindelse.',
        '',
        'Brug i stedet browsertilstand, som virker uden Electron:',
        '',
        '  npm run web -- --db demo.db',
        '',
        'og åbn den adresse, den skriver (http://127.0.0.1:5180/?token=…), i din browser.',
        'En ny, tom database tilbyder demoprogrammet ved første start.',
        '',
        `Detaljer: ${logFile}`,
        '',
      ].join('\n'),
    );
    process.exit(1);
  }

  if (dev) {
    console.log('▶ electron-vite dev');
    launch(
      process.execPath,
      [electronVite, 'dev', '--', '--dev', ...appArgs],
      childEnv({ ELECTRON_EXEC_PATH: electron.binary }),
    );
  } else {
    console.log('▶ Starter Bindeled');
    launch(electron.binary, [root, ...appArgs], childEnv());
  }
}

main();
