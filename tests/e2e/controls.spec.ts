import { expect, test } from './fixtures';
import { seed } from './helpers';

test.use({ actionTimeout: 10_000 });

test('a date that does not exist is named as such, not as a format error', async ({ app: page, server }) => {
  const [firm] = await seed(server, [{ name: 'Datofejl Lemvig' }]);
  await page.goto(`${server.origin}/#/companies/${firm?.id}/visits/new`);
  const date = page.getByLabel('Dato', { exact: true });
  await date.fill('32.13.2026');
  await date.press('Tab');
  await expect(page.locator('#visit-date-error')).toHaveText('Datoen findes ikke');
  await date.fill('i går');
  await date.press('Tab');
  await expect(page.locator('#visit-date-error')).toHaveText('Datoen skal skrives dd.mm.åååå');
});

test('files are chosen in Danish: a drop area and a button, never the browser’s "Choose File"', async ({
  app: page,
}) => {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Importér' }).click();
  await expect(page.getByText('Træk filen hertil, eller')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Vælg fil …' })).toBeVisible();
  await expect(page.getByText('Ingen fil valgt')).toBeVisible();
  await expect(page.locator('input[type=file]')).toBeHidden();
  // The button opens the file chooser.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Vælg fil …' }).click();
  await chooser;
});
