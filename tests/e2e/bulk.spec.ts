import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { grid, rowNames } from './helpers';

test('a bulk reassignment of ticked firms, confirmed by count, then undone', async ({ app: page, server }) => {
  await server.call('consultants.ensure', { name: 'Bo Lund' });
  const ids: number[] = [];
  for (const name of ['Alfa Smedje', 'Beta Bageri', 'Gamma Gård']) {
    ids.push((await server.call<{ id: number }>('companies.create', { name, consultantName: 'Anne Kjær' })).id);
  }
  await page.reload();
  await expect(rowNames(page)).toHaveText(['Alfa Smedje', 'Beta Bageri', 'Gamma Gård']);
  const rows = grid(page).locator('tbody tr:not(.placeholder)');
  await rows.nth(0).click({ modifiers: ['Control'] });
  await rows.nth(1).click({ modifiers: ['Control'] });

  await page.getByRole('button', { name: 'Massehandling…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Massehandling' });
  await expect(dialog.getByRole('radio', { name: 'De 2 markerede virksomheder' })).toBeChecked();
  await dialog.getByLabel('Ny konsulent').selectOption({ label: 'Bo Lund' });
  const axe = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
  ).toEqual([]);
  await dialog.getByRole('button', { name: 'Udfør for 2 virksomheder' }).click();
  await expect(dialog.getByText('Vil du ændre 2 virksomheder?')).toBeVisible();
  await dialog.getByRole('button', { name: 'Udfør for 2 virksomheder' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('2 af 2 virksomheder er ændret')).toBeVisible();
  const consultants = async () =>
    Promise.all(ids.map(async (id) => (await server.call<{ consultant: string }>('companies.get', { id })).consultant));
  expect(await consultants()).toEqual(['Bo Lund', 'Bo Lund', 'Anne Kjær']);

  await page.getByRole('button', { name: 'Fortryd seneste massehandling' }).click();
  await expect(page.getByText('Massehandlingen er fortrudt for 2 virksomheder')).toBeVisible();
  expect(await consultants()).toEqual(['Anne Kjær', 'Anne Kjær', 'Anne Kjær']);
  await expect(page.getByRole('button', { name: 'Fortryd seneste massehandling' })).toBeHidden();
});

test('a bulk closing without a reason is refused in the dialog and nothing changes', async ({ app: page, server }) => {
  await server.call('companies.create', { name: 'Delta Kro' });
  await page.reload();
  await page.getByRole('button', { name: 'Massehandling…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Massehandling' });
  await dialog.getByRole('radio', { name: 'Sæt status' }).check();
  await dialog.getByLabel('Ny status').selectOption({ label: 'Afsluttet' });
  await dialog.getByRole('button', { name: /^Udfør for/ }).click();
  await dialog.getByRole('button', { name: /^Udfør for/ }).click();
  await expect(dialog.getByRole('alert')).toContainText('Skriv en begrundelse, når sagen lukkes');
  const list = await server.call<{ rows: Array<{ status: string }> }>('companies.list', {});
  expect(list.rows.every((r) => r.status !== 'closed')).toBe(true);
});
