import { expect, test } from './fixtures';
import { seed, validCvr } from './helpers';

test('a firm recorded twice is found from the report and merged by keyboard, choosing a field', async ({
  app: page,
  server,
}) => {
  const [registered, typed] = await seed(server, [
    { name: 'Hvidbjerg Mølle ApS', cvr: validCvr(4102), postcode: '7400', city: 'Herning', phone: '97111111' },
    { name: 'Hvidbjerg Moelle', postcode: '7400', city: 'Herning', phone: '97222222' },
  ]);
  if (!registered || !typed) throw new Error('seed');

  await page.goto(`${page.url().split('#')[0]}#/report`);
  await page.getByRole('link', { name: 'Find mulige dubletter' }).click();
  await expect(page.getByRole('heading', { name: 'Mulige dubletter' })).toBeVisible();
  const row = page.getByRole('row', { name: /Hvidbjerg Mølle ApS.*Hvidbjerg Moelle/ });
  await expect(row).toContainText('Samme navn og postnummer');
  await row.getByRole('button', { name: /Læg sammen/ }).focus();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Læg to virksomheder sammen' });
  await expect(dialog.getByRole('row', { name: /Navn/ })).toBeVisible();
  await dialog.getByRole('radio', { name: '97222222' }).check();
  await dialog.getByRole('button', { name: 'Læg sammen', exact: true }).click();
  await expect(page.getByText('Hvidbjerg Moelle er lagt sammen med Hvidbjerg Mølle ApS')).toBeVisible();
  await expect(page.getByText('Ingen mulige dubletter fundet.')).toBeVisible();

  const kept = await server.call<{ phone: string; cvr: string }>('companies.get', { id: registered.id });
  expect(kept).toMatchObject({ phone: '97222222', cvr: validCvr(4102) });
});
