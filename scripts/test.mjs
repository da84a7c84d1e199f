#!/usr/bin/env node
// `npm test`: builds the app once, runs vitest (unit + integration, incl. the Electron IPC and
// security-scan tests) and Playwright (browser mode in Chromium), then prints one plain
// "N passed, N failed, N skipped" line summed over both runners, so a run that executed no test
// is visible to CI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
fs.mkdirSync('test-results', { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const args = new Set(process.argv.slice(2));

function step(title, cmd, cmdArgs, env = {}) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const crashed = [];

if (!step('Bygger appen (electron-vite build)', bin('electron-vite'), ['build'])) crashed.push('build');

fs.rmSync('test-results/vitest.json', { force: true });
step('Enheds- og integrationstest (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  totals.passed += vitest.numPassedTests ?? 0;
  totals.failed += vitest.numFailedTests ?? 0;
  totals.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  // A file that fails to load has no tests in the count: count it as a failure.
  totals.failed += (vitest.testResults ?? []).filter(
    (f) => f.status === 'failed' && f.assertionResults?.length === 0,
  ).length;
} else crashed.push('vitest');

if (!args.has('--no-e2e')) {
  fs.rmSync('test-results/e2e.json', { force: true });
  step('Ende-til-ende-test i Chromium (Playwright, browsertilstand)', bin('playwright'), ['test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/e2e.json',
  });
  const e2e = readJson('test-results/e2e.json');
  if (e2e?.stats) {
    totals.passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
    totals.failed += e2e.stats.unexpected ?? 0;
    totals.skipped += e2e.stats.skipped ?? 0;
    for (const err of e2e.errors ?? []) console.error(`Playwright: ${err.message ?? JSON.stringify(err)}`);
    totals.failed += (e2e.errors ?? []).length;
  } else crashed.push('playwright');
}

for (const name of crashed) console.error(`✗ ${name} gav intet resultat`);
totals.failed += crashed.length;
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
