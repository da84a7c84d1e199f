import AxeBuilder from '@axe-core/playwright';
import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { seed } from './helpers';

/**
 * The update banner. Browser mode has no updates (`updates.status` answers "off"), so the desktop
 * app's answer is played by intercepting that one call; every other call reaches the server.
 */
const NOTES = 'Nyt i denne version:\n- Breve, der er åbne i Word, får et nyt navn i stedet for en fejl.';

async function desktopUpdate(page: Page): Promise<number[]> {
  const reported: number[] = [];
  await page.route('**/api/invoke', async (route: Route) => {
    const body = route.request().postDataJSON() as { method: string; input: { openForms?: number } };
    if (body.method !== 'updates.status') return route.continue();
    const openForms = body.input.openForms ?? 0;
    reported.push(openForms);
    await route.fulfill({
      json: {
        ok: true,
        value: { state: 'downloaded', version: '1.2.0', notes: NOTES, message: null, installsOnQuit: openForms === 0 },
      },
    });
  });
  return reported;
}

test('browser mode has no updates and shows no banner', async ({ app: page, server }) => {
  expect(await server.call('updates.status', {})).toMatchObject({ state: 'off', installsOnQuit: false });
  await expect(page.getByRole('heading', { name: 'Sagsportefølje' })).toBeVisible();
  await expect(page.getByTestId('update-banner')).toHaveCount(0);
});

test('a downloaded update shows its version and Danish notes, and waits while a form is unsaved', async ({
  page,
  server,
}) => {
  const reported = await desktopUpdate(page);
  const [firm] = await seed(server, [{ name: 'Opdatering Tømrer ApS', ownerName: 'Ole Opdatering', kommuneCode: 779 }]);
  await page.goto(`${server.url}#/companies`);
  const banner = page.getByTestId('update-banner');
  await expect(banner).toContainText('Bindeled 1.2.0 er hentet og installeres, når du lukker Bindeled.');
  await expect(banner).not.toContainText('venter');
  await banner.getByText('Nyt i denne version').first().click();
  await expect(banner.getByText('Breve, der er åbne i Word, får et nyt navn')).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('[data-testid="update-banner"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  // An unsaved visit form is reported to the main process, and the banner says the update waits.
  await page.goto(`${server.url}#/companies/${firm?.id}/visits/new`);
  await page.getByLabel('Noter').fill('Vil bygge et nyt værksted');
  await expect(banner).toContainText('Opdateringen venter, til de åbne formularer er gemt');
  expect(reported).toContain(1);
});
