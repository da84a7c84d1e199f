import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { seed, validCvr } from './helpers';

test('aid from elsewhere is added on the firm page and the headroom follows, by keyboard and axe-clean', async ({
  app: page,
  server,
}) => {
  const [firm] = await seed(server, [{ name: 'Hvidbjerg Mølle ApS', cvr: validCvr(4103), postcode: '7400' }]);
  if (!firm) throw new Error('seed');
  await page.goto(`${page.url().split('#')[0]}#/companies/${firm.id}/referrals`);
  const card = page.locator('.deminimis');
  await expect(card.getByTestId('deminimis-headroom')).toContainText('Plads til 300.000,00 EUR');
  await expect(card).toContainText('Forordning (EU) 2023/2831: højst 300.000,00 EUR over enhver periode på tre år');

  await card.getByRole('button', { name: 'Tilføj støtte…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Tilføj de minimis-støtte fra andre' });
  await dialog.getByLabel('Dato for tildeling').fill('01.06.2025');
  await dialog.getByLabel('Støttegiver').fill('Herning Kommune');
  await dialog.getByLabel('Beløb i EUR').fill('50.000,00');
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByTestId('deminimis-headroom')).toContainText('Plads til 250.000,00 EUR');
  await expect(card.getByRole('list', { name: 'De minimis-støtte' })).toContainText('Herning Kommune');

  // A date in the future is refused beside its field, and nothing is added.
  await card.getByRole('button', { name: 'Tilføj støtte…' }).click();
  await dialog.getByLabel('Dato for tildeling').fill('01.01.2999');
  await dialog.getByLabel('Støttegiver').fill('Herning Kommune');
  await dialog.getByLabel('Beløb i EUR').fill('1.000,00');
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await expect(dialog).toContainText('Datoen ligger i fremtiden');
  await dialog.getByRole('button', { name: 'Annuller' }).click();

  const axe = await new AxeBuilder({ page }).include('.deminimis').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`)),
  ).toEqual([]);
});
