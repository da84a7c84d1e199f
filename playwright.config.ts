import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Browser-mode end-to-end tests: the real renderer and the real server on a temp database per
 * test file. Debian's Chromium where it exists (no browser download on these machines); elsewhere
 * Playwright's own managed browser.
 */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const systemChromium = existsSync(SYSTEM_CHROMIUM);

export default defineConfig({
  testDir: 'tests/e2e',
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
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
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
});
