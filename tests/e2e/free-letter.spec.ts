import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { seed, validCvr } from './helpers';

test('a free letter is typed in its dialog, written on the letterhead and listed, by keyboard and axe-clean', async ({
  app: page,
  server,
}) => {
  await server.call('settings.update', {
    'letterhead.organisation': 'Landdistriktsprojektet Midt',
    'letterhead.signatureName': 'Mette Sørensen',
  });
  const [firm] = await seed(server, [{ name: 'Kildegården ApS', cvr: validCvr(4702), postcode: '7400' }]);
  if (!firm) throw new Error('seed');
  await page.goto(`${page.url().split('#')[0]}#/companies/${firm.id}/documents`);

  await page.getByRole('button', { name: 'Dan Brev' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Dan Brev' });
  await expect(dialog.getByLabel('Modtager', { exact: true })).toBeVisible();
  await expect(dialog).toContainText('Tom: Kildegården ApS');

  // Nothing typed: the two fields say what they lack, and nothing is written.
  await dialog.getByRole('button', { name: 'Dan dokument', exact: true }).click();
  await expect(dialog.getByText('Brevet har intet emne')).toBeVisible();
  await expect(dialog.getByText('Brevet har ingen tekst')).toBeVisible();
  await expect(dialog.getByLabel('Emne')).toHaveAttribute('aria-invalid', 'true');

  const findings = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(
    findings.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`)),
  ).toEqual([]);

  await dialog.getByLabel('Modtager', { exact: true }).fill('Jens Kilde');
  await dialog.getByLabel('Emne').fill('Invitation til fødevaredag');
  await dialog.getByLabel('Tekst').fill('Kære Jens\n\nVi holder fødevaredag den 3. november.');
  await dialog.getByLabel('Tekst').press('Tab');
  await expect(dialog.getByRole('button', { name: 'Annuller' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Dan dokument', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Brev - Kildegården ApS - Invitation til fødevaredag - .*\.docx/).first()).toBeVisible();
  const row = page.getByRole('row', { name: /Invitation til fødevaredag/ });
  await expect(row.getByRole('button', { name: 'Åbn' })).toBeEnabled();
  // Its words are kept only in the file: there is no "make again".
  await expect(row.getByRole('button', { name: 'Dan igen' })).toHaveCount(0);
});
