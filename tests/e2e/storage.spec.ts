import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { startServer } from './server-process';

test('a database in the OneDrive folder is named in a banner on every page, with the safe place to move it', async ({
  page,
}) => {
  const server = await startServer({ env: (dir) => ({ OneDrive: dir }) });
  try {
    await page.goto(server.url);
    const banner = page.getByTestId('storage-warning');
    await expect(banner).toContainText('Databasen ligger et usikkert sted.');
    await expect(banner).toContainText(`${server.dbPath} ligger i en mappe, som OneDrive synkroniserer`);
    await expect(banner).toContainText('Flyt den til');
    await page.goto(`${server.url}#/settings`);
    await expect(page.getByTestId('storage-warning')).toBeVisible();
    const axe = await new AxeBuilder({ page }).include('[data-testid="storage-warning"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  } finally {
    await server.stop();
  }
});

test('a database on a local disk gets no banner', async ({ page }) => {
  const server = await startServer({ env: () => ({ OneDrive: '/ingen/onedrive/her' }) });
  try {
    await page.goto(server.url);
    await expect(page.getByRole('navigation')).toBeVisible();
    await expect(page.getByTestId('storage-warning')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});
