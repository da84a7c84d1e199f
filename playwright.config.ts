import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests. `browser`: the real renderer and the real server (browser mode) on a temp
 * database per test file, in Debian's Chromium where it exists (no browser download on these
 * machines) and Playwright's own managed browser elsewhere. `electron`: the desktop app through
 * Playwright's `_electron`; it skips with a printed reason where the Electron binary is missing.
 */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const systemChromium = existsSync(SYSTEM_CHROMIUM);

/**
 * A Danish office's time zone, for the browser and, through TZ, for the test runner and the servers
 * it starts: near midnight UTC "today" in the page and in a test's expectation must be one day.
 */
const TIME_ZONE = 'Europe/Copenhagen';
process.env.TZ = TIME_ZONE;

export default defineConfig({
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  workers: 2,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'browser',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        viewport: { width: 1440, height: 900 },
        locale: 'da-DK',
        timezoneId: TIME_ZONE,
        launchOptions: systemChromium
          ? {
              executablePath: SYSTEM_CHROMIUM,
              args: [
                '--headless',
                '--no-sandbox',
                '--disable-gpu',
                '--disable-quic',
                '--no-first-run',
                '--disable-background-networking',
                '--disable-component-update',
                '--disable-sync',
              ],
            }
          : {},
      },
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
