#!/usr/bin/env node
// `npm run package`: builds installers with electron-builder from electron-builder.json —
// AppImage and .deb on Linux, an NSIS installer on Windows, a .dmg on macOS (each on its own OS).
//
//   1. electron-vite build                  → out/ (main, preload, renderer)
//   2. node scripts/electron-native.mjs     → .cache/electron-native/better_sqlite3.node (Electron's ABI)
//   3. electron-builder                     → dist/, with Electron's fuses set by scripts/after-pack.cjs
//
// electron-builder downloads the Electron binary for the target platform (from GitHub) unless it
// is in its cache; machines without that access cannot package, and this script says so plainly.
// Extra arguments go to electron-builder (e.g. `npm run package -- --linux AppImage`).
// `--check` only checks that everything packaging needs is in place, without building.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const builderArgs = args.filter((a) => a !== '--check');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function explain(title, lines) {
  console.error(['', `✗ ${title}`, ...lines.map((l) => `  ${l}`), ''].join('\n'));
  process.exit(1);
}

function run(cmd, cmdArgs, { capture = false } = {}) {
  const r = spawnSync(cmd, cmdArgs, {
    stdio: capture ? ['inherit', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (capture) {
    process.stdout.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
  }
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

const missing = ['electron-builder', '@electron/fuses'].filter(
  (p) => !fs.existsSync(path.join(root, 'node_modules', p, 'package.json')),
);
if (missing.length) {
  explain('Pakkeværktøjet mangler', [
    `Ikke installeret: ${missing.join(', ')}.`,
    'Installér dem (kræver adgang til npm-registret):',
    '  npm install --save-dev electron-builder@26.17.0 @electron/fuses@1.8.0',
  ]);
}
if (!fs.existsSync('electron-builder.json'))
  explain('electron-builder.json mangler', ['Filen skal ligge i projektets rod.']);

if (checkOnly) {
  const native = run(process.execPath, ['scripts/electron-native.mjs', '--check']);
  console.log(native.ok ? '✓ Klar til at pakke.' : '• better-sqlite3 til Electron bygges ved næste npm run package.');
  process.exit(0);
}

console.log('\n▶ Bygger appen (electron-vite build)');
if (!run(bin('electron-vite'), ['build']).ok) explain('electron-vite build fejlede', ['Se fejlen ovenfor.']);

console.log('\n▶ better-sqlite3 til Electron');
if (!run(process.execPath, ['scripts/electron-native.mjs']).ok) {
  explain('better-sqlite3 kunne ikke bygges til Electron', [
    'Det kræver internetadgang første gang (Electrons headerfiler hentes).',
    'Kør "node scripts/electron-native.mjs" på en maskine med internet, og derefter npm run package.',
  ]);
}

console.log('\n▶ Pakker med electron-builder');
const built = run(
  bin('electron-builder'),
  ['--config', 'electron-builder.json', '--publish', 'never', ...builderArgs],
  {
    capture: true,
  },
);
if (!built.ok) {
  const offline =
    /ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET|getaddrinfo|github\.com|unable to download|cannot download|download.*electron/i.test(
      built.output,
    );
  if (offline) {
    explain('Electron kunne ikke hentes', [
      'electron-builder henter Electron-programmet til den platform, der pakkes til, fra GitHub.',
      'Denne maskine kan ikke nå det (ingen forbindelse eller blokeret).',
      'Gør ét af følgende:',
      '  • kør npm run package på en maskine med internetadgang, eller',
      '  • læg Electrons zip-fil (electron-v<version>-<platform>-<arch>.zip) i en mappe og',
      '    sæt ELECTRON_CACHE til den mappe, eller angiv "electronDist" i electron-builder.json.',
      'Konfigurationen selv kontrolleres i testene (tests/unit/electron/packaging-config.test.ts).',
    ]);
  }
  explain('electron-builder fejlede', ['Se fejlen ovenfor.']);
}
console.log('\n✓ Installationsfiler ligger i dist/');
