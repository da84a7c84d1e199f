import { expect, test } from './fixtures';
import { grid } from './helpers';

test('the token leaves the address bar and a reload keeps working', async ({ app: page }) => {
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await expect(page.locator('.row-count')).toContainText('virksomhed');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('English can be chosen and is remembered, for the core’s messages too', async ({ app: page }) => {
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('button', { name: 'New company' }).click();
  const dialog = page.getByRole('dialog', { name: 'New company' });
  await dialog.getByLabel('CVR number').fill('24256791');
  await dialog.getByLabel('P-number').click();
  await expect(dialog.getByText('CVR number 24256791 does not exist (the check digit is wrong)')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sagsportefølje' })).toBeVisible();
});

test('an unknown page and a missing company show a way back, not a blank window', async ({ app: page, server }) => {
  await page.goto(`${server.origin}/#/nowhere`);
  await expect(page.getByText('Siden findes ikke.')).toBeVisible();
  await page.getByRole('link', { name: 'Tilbage til sagsporteføljen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sagsportefølje' })).toBeVisible();

  await page.goto(`${server.origin}/#/companies/999999`);
  await expect(page.getByRole('alert')).toContainText('Virksomheden findes ikke');
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeVisible();
});

test('a page opened with a wrong token says so instead of showing nothing', async ({ browser, server }) => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/?token=wrong`);
  // The start page, "Min uge", still draws its frame and says why it has nothing to show.
  await expect(page.getByRole('heading', { level: 1, name: 'Min uge' })).toBeVisible();
  await expect(page.getByRole('alert').first()).toContainText('Forbindelsen til Bindeled er ikke godkendt');
  await page.goto(`${server.origin}/?token=wrong#/companies`);
  await expect(grid(page)).toBeVisible();
  await page.close();
});

test('columns can be hidden and moved from the column chooser', async ({ app: page }) => {
  const headers = grid(page).getByRole('columnheader');
  await expect(headers.first()).toHaveText('Navn');
  await page.getByRole('button', { name: 'Kolonner' }).click();
  const chooser = page.getByRole('group', { name: 'Kolonner' });
  await chooser.getByRole('button', { name: 'Flyt CVR til venstre' }).click();
  await expect(headers.first()).toHaveText('CVR');
  await chooser.getByRole('checkbox', { name: 'Postnr.' }).check();
  await expect(grid(page).getByRole('columnheader', { name: 'Postnr.' })).toBeVisible();
  await chooser.getByRole('button', { name: 'Standardkolonner' }).click();
  await expect(headers.first()).toHaveText('Navn');
  await expect(grid(page).getByRole('columnheader', { name: 'Postnr.' })).toHaveCount(0);
});

test('a column header can be dragged to a new place', async ({ app: page }) => {
  const headers = grid(page).getByRole('columnheader');
  await expect(headers.nth(1)).toHaveText('CVR');
  await grid(page).getByRole('columnheader', { name: 'Kommune' }).dragTo(headers.first());
  await expect(headers.first()).toHaveText('Kommune');
  await expect(headers.nth(1)).toHaveText('Navn');
});
