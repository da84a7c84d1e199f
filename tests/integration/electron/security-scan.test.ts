import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-db';

/**
 * Electronegativity over the real sources must leave no MEDIUM or HIGH finding. The second test
 * proves the scan is not vacuous: the same script over a deliberately unsafe window fails.
 */
const ROOT = path.resolve(__dirname, '../../..');
const SCAN_TIMEOUT = 180_000;

interface Finding {
  issue: string;
  severity: string;
  file: string;
}

function scan(extra: string[] = []) {
  const run = spawnSync(process.execPath, ['scripts/security-scan.mjs', '--json', ...extra], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: SCAN_TIMEOUT - 10_000,
  });
  const json = run.stdout
    .split('\n')
    .reverse()
    .find((line) => line.startsWith('{"findings"'));
  if (!json) throw new Error(`no scan result (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  const parsed = JSON.parse(json) as { findings: Finding[]; blocking: number };
  return { status: run.status, output: run.stdout, ...parsed };
}

describe('Electron security scan (electronegativity)', () => {
  it(
    'finds nothing of MEDIUM or HIGH severity in src-main and src-renderer',
    () => {
      const result = scan();
      const serious = result.findings.filter((f) => f.severity !== 'LOW');
      expect(serious, result.output).toEqual([]);
      expect(result.blocking).toBe(0);
      expect(result.status).toBe(0);
      // The window's webPreferences are read from main.ts: a finding there would name it.
      expect(result.output).toContain('Sikkerhedsscanning:');
    },
    SCAN_TIMEOUT,
  );

  it(
    'fails on a window without isolation, sandbox, navigation limits, permission handler or CSP',
    () => {
      const { dir, cleanup } = tempDir('bindeled-unsafe-');
      try {
        fs.writeFileSync(
          path.join(dir, 'main.ts'),
          [
            "import { BrowserWindow } from 'electron';",
            'export const win = new BrowserWindow({',
            '  webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false },',
            '});',
            "win.loadURL('http://example.com/');",
          ].join('\n'),
        );
        const result = scan(['--input', dir]);
        expect(result.status).toBe(1);
        const issues = result.findings.map((f) => `${f.severity} ${f.issue}`);
        expect(issues).toEqual(
          expect.arrayContaining([
            'HIGH CONTEXT_ISOLATION_JS_CHECK',
            'MEDIUM SANDBOX_JS_CHECK',
            'HIGH LIMIT_NAVIGATION_GLOBAL_CHECK',
            'MEDIUM PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
            'MEDIUM CSP_GLOBAL_CHECK',
          ]),
        );
      } finally {
        cleanup();
      }
    },
    SCAN_TIMEOUT,
  );
});
