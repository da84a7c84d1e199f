import { test as base, expect, type Page } from '@playwright/test';
import { type BindeledServer, startServer } from './server-process';

export type { BindeledServer };
export { expect };

/**
 * One server and one fresh database per test file: the first test of a file starts it, and it is
 * stopped when the worker moves on to another file or ends. Tests within a file share it, so each
 * test works with companies it created itself (unique names).
 */
class ServerPool {
  private current: { file: string; server: Promise<BindeledServer> } | null = null;

  async forFile(file: string, prepare: { run(dbPath: string): void | Promise<void> } | null): Promise<BindeledServer> {
    if (this.current?.file !== file) {
      await this.stop();
      this.current = { file, server: startServer(prepare ? { prepare: (p) => prepare.run(p) } : {}) };
    }
    return this.current.server;
  }

  async stop(): Promise<void> {
    const old = this.current;
    this.current = null;
    if (old) await (await old.server.catch(() => null))?.stop();
  }
}

interface TestFixtures {
  /**
   * Fills the database before the file's server starts (set with `test.use` at the top of a file).
   * An object, because Playwright would take a bare function for a fixture.
   */
  prepareDb: { run(dbPath: string): void | Promise<void> } | null;
  server: BindeledServer;
  /** A page with the app open on the caseload, waiting until the first rows have answered. */
  app: Page;
}

export const test = base.extend<TestFixtures, { serverPool: ServerPool }>({
  serverPool: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern.
    async ({}, use) => {
      const pool = new ServerPool();
      await use(pool);
      await pool.stop();
    },
    { scope: 'worker' },
  ],
  prepareDb: [null, { option: true }],
  server: async ({ serverPool, prepareDb }, use, testInfo) => {
    await use(await serverPool.forFile(testInfo.file, prepareDb));
  },
  app: async ({ page, server }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${server.url}#/companies`);
    await expect(page.getByRole('heading', { name: /Sagsportefølje|Caseload/ })).toBeVisible();
    await expect(page.locator('.row-count')).toContainText(/virksomhed|compan/);
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});
