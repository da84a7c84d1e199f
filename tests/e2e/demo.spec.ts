import { expect, test } from './fixtures';
import { grid, kpiCard } from './helpers';

// No prepareDb: the file's server starts on an empty caseload, as the app does on first run.
test('an empty caseload offers the demo programme; it loads and the report opens on the demo year', async ({
  app: page,
}) => {
  await page.getByRole('button', { name: 'Opret demoprogram' }).click();
  // Importing 1,000 firms, the present day and three letters takes seconds on a busy machine.
  await expect(page.getByText('Demoprogrammet er oprettet: 1.000 virksomheder')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Programrapport' })).toBeVisible();
  await expect(page.getByLabel('Fra', { exact: true })).toHaveValue('01.10.2010');
  await expect(page.getByLabel('Til', { exact: true })).toHaveValue('17.10.2011');
  await expect(page.locator(kpiCard('Virksomheder kontaktet'))).toHaveText('850');
  await expect(page.locator(kpiCard('Henvist til Væksthus/erhvervshus'))).toHaveText('81');
  await expect(page.locator(kpiCard('Heraf tilskud bevilget'))).toHaveText('10');
  await expect(page.locator(kpiCard('Hjulpet med LAG-ansøgning'))).toHaveText('62');
  await expect(page.locator(kpiCard('Sat i kontakt med videnspersoner'))).toHaveText('118');
  await expect(page.locator(kpiCard('Netværk etableret'))).toHaveText('12');

  // The caseload holds the demo's firms now, and no longer offers the demo.
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: /Sagsportefølje/ })
    .click();
  await expect(page.locator('.row-count')).toHaveText('1.000 virksomheder');
  await expect(grid(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Opret demoprogram' })).toHaveCount(0);
});
