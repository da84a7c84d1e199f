import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

/**
 * A caseload file double-clicked in Explorer or Finder: the desktop shell sends the window to
 * `#/import?file=…` (src-main/electron/open-file.ts). Browser mode takes the same route; the file
 * lies in the uploads folder, which the preview may read without a dialog.
 */
const DEMO = path.resolve(import.meta.dirname, '..', '..', 'resources', 'demo', 'demoprogram.bindeled.json');

function handedOver(dbPath: string, name: string): string {
  const dir = path.join(path.dirname(dbPath), 'uploads');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  copyFileSync(DEMO, file);
  return file;
}

test('a caseload file handed over by the system opens in the import preview, nothing imported yet', async ({
  app: page,
  server,
}) => {
  const file = handedOver(server.dbPath, 'Ådalen sager.bindeled.json');
  await page.goto(`${server.url}#/import?file=${encodeURIComponent(file)}`);

  await expect(page.getByRole('heading', { name: 'Importér virksomheder' })).toBeVisible();
  await expect(page.getByText('Ådalen sager.bindeled.json').first()).toBeVisible();
  // The report comes by itself: no step to press for a caseload file.
  await expect(page.getByTestId('count-add')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: /^Importér \d/ })).toBeEnabled();
  // The address no longer names the file: a reload or Back does not read it again.
  expect(new URL(page.url()).hash).toBe('#/import');
  const before = await server.call<{ total: number }>('companies.list', { limit: 1 });
  expect(before.total).toBe(0);

  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  // A second file while the page is open (the running app receives it from a second start).
  const second = handedOver(server.dbPath, 'Bakken sager.bindeled.json');
  await page.evaluate((f) => {
    window.location.hash = `#/import?file=${encodeURIComponent(f)}`;
  }, second);
  await expect(page.getByText('Bakken sager.bindeled.json').first()).toBeVisible();
  await expect(page.getByTestId('count-add')).toBeVisible({ timeout: 30_000 });
  expect(new URL(page.url()).hash).toBe('#/import');
});

test('a file the preview may not read is refused with its name, and nothing is written', async ({
  app: page,
  server,
}) => {
  const outside = path.join(path.dirname(server.dbPath), 'andet sted.bindeled.json');
  copyFileSync(DEMO, outside);
  await page.goto(`${server.url}#/import?file=${encodeURIComponent(outside)}`);
  await expect(page.getByTestId('import-refusal')).toContainText('andet sted.bindeled.json');
  await expect(page.getByTestId('count-add')).toHaveCount(0);
});
