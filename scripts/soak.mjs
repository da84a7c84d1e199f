#!/usr/bin/env node
// `npm run soak`: the long versions of the crash-safety and fuzz tests:
//   500 SIGKILLs during a 10,000-row import (KILL_ROUNDS), 200 during a 500-letter batch
//   (LETTER_KILL_ROUNDS), and 1,000 fuzz runs per contract method (FUZZ_RUNS). Takes about half
//   an hour; ends with the plain "N passed, N failed" line.
//   node scripts/soak.mjs [--kill-rounds N] [--letter-kill-rounds N] [--fuzz-runs N]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  const v = i > 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isInteger(v) && v > 0 ? v : fallback;
};
const killRounds = arg('--kill-rounds', 500);
const letterKillRounds = arg('--letter-kill-rounds', 200);
const fuzzRuns = arg('--fuzz-runs', 1000);
fs.mkdirSync('test-results', { recursive: true });
const report = 'test-results/soak.json';
fs.rmSync(report, { force: true });

console.log(
  `▶ Soak: ${killRounds} kills of an import, ${letterKillRounds} of a batch of letters, ${fuzzRuns} fuzz runs per method`,
);
const started = Date.now();
const r = spawnSync(
  path.join(root, 'node_modules', '.bin', 'vitest'),
  [
    'run',
    'tests/integration/core/interop/kill-import.test.ts',
    'tests/integration/core/documents/kill-letters.test.ts',
    'tests/integration/api/fuzz-contract.test.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      KILL_ROUNDS: String(killRounds),
      LETTER_KILL_ROUNDS: String(letterKillRounds),
      FUZZ_RUNS: String(fuzzRuns),
    },
  },
);
let passed = 0;
let failed = 1;
try {
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = json.numFailedTests ?? 0;
} catch {}
if (r.status !== 0 && failed === 0) failed = 1;
console.log(`Soak took ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
