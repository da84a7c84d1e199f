import { expect, test } from './fixtures';
import { filters, grid, loadedRows, rowNames, search, seed, validCvr } from './helpers';

const HERNING = 657;
const SKIVE = 779;
const VIBORG = 791;

test('a company created through the form appears in the caseload', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Ny virksomhed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny virksomhed' });
  await dialog.getByLabel('Navn', { exact: true }).fill('Hedegaard Planteskole ApS');
  await dialog.getByLabel('CVR-nummer').fill('13748136');
  await dialog.getByLabel('Selskabsform').selectOption({ label: 'ApS' });
  await dialog.getByLabel('Postnummer').fill('7400');
  await dialog.getByLabel('Adresse').click();
  // The postcode suggests town and kommune while both are empty.
  await expect(dialog.getByLabel('By', { exact: true })).toHaveValue('Herning');
  await expect(dialog.getByLabel('Kommune')).toHaveValue(String(HERNING));
  await dialog.getByLabel('Indehaver').fill('Jens Hedegaard');
  await dialog.getByLabel('Antal ansatte').fill('4');
  await dialog.getByLabel('Branchekode', { exact: true }).fill('01.30.00');
  // Typed in from 2025: DB25, where 01.30.00 is "Planteformering".
  await expect(dialog.getByLabel('Branchesystem')).toHaveValue('DB25');
  await dialog.getByLabel('Konsulent').fill('Mette Sørensen');
  await dialog.getByRole('button', { name: 'Opret virksomhed' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Hedegaard Planteskole ApS er oprettet' })).toBeVisible();
  const row = grid(page).getByRole('row', { name: /Hedegaard Planteskole ApS/ });
  await expect(row).toContainText('13748136');
  await expect(row).toContainText('Herning');
  // The industry shows its title in its system beside the code.
  await expect(row).toContainText('01.30.00 Planteformering');
  await expect(row).toContainText('Identificeret');
  await expect(row).toContainText('Mette Sørensen');
  await expect(row).toContainText('01.30.00');
});

test('filters by kommune, sorts by a column and searches', async ({ app: page, server }) => {
  await seed(server, [
    { name: 'Sortest Bageri', kommuneCode: HERNING, employees: 12 },
    { name: 'Sortest Autoværksted', kommuneCode: HERNING, employees: 3 },
    { name: 'Sortest Gårdbutik', kommuneCode: SKIVE, employees: 1 },
    { name: 'Sortest Smedje', kommuneCode: VIBORG, employees: 7 },
  ]);
  await search(page, 'Sortest');
  await expect(page.locator('.row-count')).toHaveText('4 virksomheder');
  await expect(rowNames(page)).toHaveText([
    'Sortest Autoværksted',
    'Sortest Bageri',
    'Sortest Gårdbutik',
    'Sortest Smedje',
  ]);

  await filters(page)
    .getByRole('button', { name: /^Kommune/ })
    .click();
  await page.getByRole('group', { name: 'Kommune' }).getByRole('checkbox', { name: 'Herning' }).check();
  await page.keyboard.press('Escape');
  await expect(filters(page).getByRole('button', { name: /^Kommune/ })).toContainText('Herning');
  await expect(page.locator('.row-count')).toHaveText('2 virksomheder');
  await expect(rowNames(page)).toHaveText(['Sortest Autoværksted', 'Sortest Bageri']);

  const employees = grid(page).getByRole('button', { name: 'Ansatte' });
  await employees.click();
  await expect(grid(page).getByRole('columnheader', { name: /Ansatte/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(loadedRows(page).first()).toContainText('Sortest Autoværksted');
  await employees.click();
  await expect(grid(page).getByRole('columnheader', { name: /Ansatte/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(loadedRows(page).first()).toContainText('Sortest Bageri');
  await expect(rowNames(page)).toHaveText(['Sortest Bageri', 'Sortest Autoværksted']);

  // A word from one company's name narrows the list further.
  await search(page, 'Sortest Bageri');
  await expect(page.locator('.row-count')).toHaveText('1 virksomhed');
  await expect(rowNames(page)).toHaveText(['Sortest Bageri']);
});

test('a saved view restores search, filters, sort and columns after a reload', async ({ app: page, server }) => {
  await seed(server, [
    { name: 'Visning Alfa', kommuneCode: SKIVE, ownerName: 'Anne Alfa' },
    { name: 'Visning Beta', kommuneCode: SKIVE, ownerName: 'Bo Beta' },
    { name: 'Visning Gamma', kommuneCode: VIBORG, ownerName: 'Gitte Gamma' },
  ]);
  await search(page, 'Visning');
  await expect(page.locator('.row-count')).toHaveText('3 virksomheder');
  await filters(page)
    .getByRole('button', { name: /^Kommune/ })
    .click();
  await page.getByRole('group', { name: 'Kommune' }).getByRole('checkbox', { name: 'Skive' }).check();
  await page.keyboard.press('Escape');
  await expect(page.locator('.row-count')).toHaveText('2 virksomheder');
  const name = grid(page).getByRole('button', { name: 'Navn' });
  await name.click();
  await name.click();
  await expect(grid(page).getByRole('columnheader', { name: /Navn/ })).toHaveAttribute('aria-sort', 'descending');
  await page.getByRole('button', { name: 'Kolonner' }).click();
  await page.getByRole('group', { name: 'Kolonner' }).getByRole('checkbox', { name: 'CVR' }).uncheck();
  await page.keyboard.press('Escape');
  await expect(grid(page).getByRole('columnheader', { name: 'CVR' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Gem visning' }).click();
  const dialog = page.getByRole('dialog', { name: 'Gem visning' });
  await dialog.getByLabel('Navn på visningen').fill('Skive, nyeste først');
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Visningen "Skive, nyeste først" er gemt' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Søg' })).toHaveValue('');
  await expect(grid(page).getByRole('columnheader', { name: 'CVR' })).toHaveCount(1);

  await page.getByLabel('Visning').selectOption({ label: 'Skive, nyeste først' });
  await expect(page.getByRole('searchbox', { name: 'Søg' })).toHaveValue('Visning');
  await expect(filters(page).getByRole('button', { name: /^Kommune/ })).toContainText('Skive');
  await expect(grid(page).getByRole('columnheader', { name: /Navn/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(grid(page).getByRole('columnheader', { name: 'CVR' })).toHaveCount(0);
  await expect(page.locator('.row-count')).toHaveText('2 virksomheder');
  await expect(loadedRows(page).first()).toContainText('Visning Beta');
  await expect(rowNames(page)).toHaveText(['Visning Beta', 'Visning Alfa']);

  // Deleting the view forgets its name; the table keeps showing what it showed.
  await page.getByRole('button', { name: 'Slet visning' }).click();
  await page.getByRole('dialog', { name: 'Bekræft' }).getByRole('button', { name: 'Slet' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Visningen "Skive, nyeste først" er slettet' }),
  ).toBeVisible();
  await expect(page.getByLabel('Visning')).toHaveValue('');
  await expect(page.getByLabel('Visning').locator('option')).toHaveText(['Standardvisning']);
  await expect(page.getByRole('searchbox', { name: 'Søg' })).toHaveValue('Visning');
});

test('a CVR number with a wrong check digit is refused on screen and nothing is saved', async ({
  app: page,
  server,
}) => {
  await page.getByRole('button', { name: 'Ny virksomhed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny virksomhed' });
  await dialog.getByLabel('Navn', { exact: true }).fill('Fejlcvr Tømrer ApS');
  const cvr = dialog.getByLabel('CVR-nummer');
  await cvr.fill('24256791');
  await cvr.blur();
  const message = 'CVR-nummeret 24256791 findes ikke (kontrolcifferet passer ikke)';
  await expect(dialog.getByText(message)).toBeVisible();
  await expect(cvr).toHaveAttribute('aria-invalid', 'true');

  const refused = page.waitForResponse(
    (r) => r.url().endsWith('/api/invoke') && r.request().postDataJSON()?.method === 'companies.create',
  );
  await dialog.getByRole('button', { name: 'Opret virksomhed' }).click();
  expect((await (await refused).json()).ok).toBe(false);
  await expect(dialog.getByRole('alert')).toHaveText('Ret de markerede felter. Intet er gemt.');
  await expect(dialog.getByText(message)).toBeVisible();
  await expect(dialog).toBeVisible();

  await dialog.getByRole('button', { name: 'Annuller' }).click();
  await expect(dialog).toBeHidden();
  const listed = await server.call<{ total: number }>('companies.list', { search: 'Fejlcvr' });
  expect(listed.total).toBe(0);
  await search(page, 'Fejlcvr');
  await expect(page.getByText('Ingen virksomheder passer til søgningen.')).toBeVisible();
});

test('the keyboard moves through the rows and Enter opens a company', async ({ app: page, server }) => {
  await seed(server, [
    { name: 'Tastatur Alfa', cvr: validCvr(31_000_000) },
    { name: 'Tastatur Beta', cvr: validCvr(32_000_000) },
    { name: 'Tastatur Gamma', cvr: validCvr(33_000_000) },
  ]);
  await search(page, 'Tastatur');
  await expect(page.locator('.row-count')).toHaveText('3 virksomheder');
  await expect(loadedRows(page)).toHaveCount(3);

  // Tab from the search box passes the filters and header buttons and lands on the first row.
  const first = loadedRows(page).first();
  await first.focus();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const third = grid(page).getByRole('row', { name: /Tastatur Gamma/ });
  await expect(third).toBeFocused();
  await expect(third).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(first).toBeFocused();
  await page.keyboard.press('End');
  await expect(third).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(grid(page).getByRole('row', { name: /Tastatur Beta/ })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Tastatur Beta' })).toBeVisible();
  await expect(page).toHaveURL(/#\/companies\/\d+$/);

  // Back in the caseload the search and the active row are as they were.
  await page
    .getByRole('link', { name: /Sagsportefølje/ })
    .first()
    .click();
  await expect(page.getByRole('searchbox', { name: 'Søg' })).toHaveValue('Tastatur');
  await expect(grid(page).getByRole('row', { name: /Tastatur Beta/ })).toHaveAttribute('aria-selected', 'true');
});

test('filters by status, by consultant (or none) and by an industry prefix; double-click opens', async ({
  app: page,
  server,
}) => {
  const lars = await server.call<{ id: number }>('consultants.ensure', { name: 'Lars Filtersen' });
  await seed(server, [
    { name: 'Filtre Bager', status: 'visited', industryCode: '107120' },
    { name: 'Filtre Bryggeri', status: 'in_progress', industryCode: '110500' },
    { name: 'Filtre Frisør', status: 'visited', industryCode: '960210' },
  ]);
  const listed = await server.call<{ rows: Array<{ id: number; name: string }> }>('companies.list', {
    search: 'Filtre Bryggeri',
  });
  await server.call('companies.update', { id: listed.rows[0]?.id, changes: { consultantId: lars.id } });

  await search(page, 'Filtre');
  await expect(page.locator('.row-count')).toHaveText('3 virksomheder');

  await filters(page)
    .getByRole('button', { name: /^Status/ })
    .click();
  await page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'Besøgt' }).check();
  await page.keyboard.press('Escape');
  await expect(rowNames(page)).toHaveText(['Filtre Bager', 'Filtre Frisør']);

  // The less used filters sit behind "Flere filtre", which counts the ones in use.
  await filters(page)
    .getByRole('button', { name: /^Flere filtre/ })
    .click();
  await filters(page).getByLabel('Branchekode').fill('10.7');
  await expect(rowNames(page)).toHaveText(['Filtre Bager']);
  await expect(filters(page).getByRole('button', { name: /^Flere filtre/ })).toContainText('1 valgt');
  await filters(page).getByRole('button', { name: 'Nulstil filtre' }).click();
  await expect(filters(page).getByRole('button', { name: /^Status/ })).toContainText('Alle');
  await filters(page)
    .getByRole('button', { name: /^Flere filtre/ })
    .click();
  await expect(filters(page).getByLabel('Branchekode')).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('searchbox', { name: 'Søg' })).toHaveValue('');

  await search(page, 'Filtre');
  await filters(page)
    .getByRole('button', { name: /^Flere filtre/ })
    .click();
  const consultants = page.getByRole('group', { name: 'Konsulent' });
  await consultants.getByRole('checkbox', { name: 'Lars Filtersen' }).check();
  await expect(rowNames(page)).toHaveText(['Filtre Bryggeri']);
  await consultants.getByRole('checkbox', { name: 'Lars Filtersen' }).uncheck();
  await consultants.getByRole('checkbox', { name: 'Ingen konsulent' }).check();
  await expect(rowNames(page)).toHaveText(['Filtre Bager', 'Filtre Frisør']);
  await page.keyboard.press('Escape');

  await grid(page)
    .getByRole('row', { name: /Filtre Frisør/ })
    .dblclick();
  await expect(page.getByRole('heading', { level: 1, name: 'Filtre Frisør' })).toBeVisible();
});

test('at 1366 px the default columns fit with "Næste opfølgning", and the name stays in view sideways', async ({
  app: page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const scroller = page.locator('.grid-scroll');
  const next = grid(page).getByRole('columnheader', { name: 'Næste opfølgning' });
  await expect(next).toBeVisible();
  const box = await next.boundingBox();
  const view = await scroller.boundingBox();
  if (!box || !view) throw new Error('not laid out');
  expect(box.x + box.width).toBeLessThanOrEqual(view.x + view.width);
  // The filter bar is one line.
  expect((await filters(page).boundingBox())?.height ?? 0).toBeLessThan(48);

  // With every column shown the grid scrolls sideways; the name column stays at the left edge.
  await page.getByRole('button', { name: 'Kolonner' }).click();
  for (const name of ['Indehaver', 'By', 'Postnr.', 'Selskabsform', 'Opdateret']) {
    await page.getByRole('group', { name: 'Kolonner' }).getByRole('checkbox', { name, exact: true }).check();
  }
  await page.keyboard.press('Escape');
  await scroller.evaluate((el) => {
    el.scrollLeft = 400;
  });
  const nameHeader = grid(page).getByRole('columnheader', { name: /Navn/ });
  await expect
    .poll(async () => Math.round(((await nameHeader.boundingBox())?.x ?? 0) - (view.x ?? 0)))
    .toBeLessThanOrEqual(2);
});
