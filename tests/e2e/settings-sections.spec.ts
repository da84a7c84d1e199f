import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

/**
 * The Settings sections that hold numbers: what the user types is kept apart from what is stored until
 * saved, a value out of range cannot be saved, and a saved value is what the core then uses.
 */
test('numbers typed in Settings are checked, saved, and read back after a reload', async ({ app: page, server }) => {
  await page.getByRole('link', { name: 'Indstillinger' }).click();

  const week = page.getByRole('region', { name: 'Min uge', exact: true });
  const quiet = week.getByRole('textbox', { name: 'Virksomhed uden kontakt i (dage)' });
  await quiet.fill('0');
  await expect(week.getByText('Skriv et helt antal dage fra 1 til 3650')).toBeVisible();
  await expect(week.getByRole('button', { name: 'Gem grænserne' })).toBeDisabled();
  await quiet.fill('120');
  await week.getByRole('button', { name: 'Gem grænserne' }).click();
  await expect(page.getByText('Grænserne for Min uge er gemt').first()).toBeVisible();
  expect(await server.call<{ quietDays: number }>('week.thresholds', {})).toMatchObject({ quietDays: 120 });

  const attachments = page.getByRole('region', { name: 'Bilag', exact: true });
  const maxMb = attachments.getByRole('textbox', { name: 'Største bilag (MB)' });
  await maxMb.fill('abc');
  await expect(attachments.getByText('Skriv et helt antal MB fra 1 til 2000')).toBeVisible();
  await expect(attachments.getByRole('button', { name: 'Gem grænsen' })).toBeDisabled();
  await maxMb.press('Control+a');
  await maxMb.pressSequentially('25');
  await maxMb.press('Enter');
  await expect(page.getByText('Grænsen for bilag er gemt').first()).toBeVisible();
  expect(await server.call('attachments.settings', {})).toMatchObject({ maxMb: 25 });

  const targets = page.getByRole('region', { name: 'Mål for programrapporten' });
  await targets.getByRole('textbox', { name: 'Virksomheder kontaktet' }).fill('850');
  await targets.getByRole('button', { name: 'Gem målene' }).click();
  await expect(page.getByText('Målene er gemt.').first()).toBeVisible();
  expect(await server.call<{ targets: Record<string, number> }>('report.settings', {})).toMatchObject({
    targets: { companies_contacted: 850 },
  });

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Virksomhed uden kontakt i (dage)' })).toHaveValue('120');
  await expect(page.getByRole('textbox', { name: 'Største bilag (MB)' })).toHaveValue('25');
  await expect(page.getByRole('textbox', { name: 'Virksomheder kontaktet' })).toHaveValue('850');
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});
