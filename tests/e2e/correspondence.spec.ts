import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seed, validCvr } from './helpers';

/** Serious and critical axe findings inside `selector`. */
async function axeFindings(page: Page, selector: string): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include(selector).analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

test('a letter is sent as e-mail: attachments chosen, the .eml downloaded in browser mode', async ({
  app: page,
  server,
}) => {
  await server.call('settings.update', {
    'letterhead.organisation': 'Landdistriktsprojektet Midt',
    'letterhead.signatureName': 'Mette Sørensen',
    'letterhead.signatureEmail': 'mette@example.dk',
  });
  const [firm] = await seed(server, [{ name: 'Kildegården ApS', cvr: validCvr(4701), kommuneCode: 657 }]);
  if (!firm) throw new Error('seed');
  await server.call('contacts.create', { companyId: firm.id, name: 'Jens Kilde', email: 'jens@example.dk' });
  const orgs = await server.call<Array<{ id: number; name: string }>>('reference.organisations', {});
  const org = orgs.find((o) => o.name === 'Erhvervshus Midtjylland');
  await server.call('referrals.create', {
    companyId: firm.id,
    organisationId: org?.id,
    reason: 'Eksportplan',
    needs: ['export'],
    consentOn: '2011-10-17',
  });
  await server.call('documents.generate', { kind: 'vaeksthus', companyId: firm.id });
  await server.call('attachments.addBytes', {
    companyId: firm.id,
    name: 'Budget 2012.xlsx',
    base64: Buffer.from('budget').toString('base64'),
  });

  await page.goto(`${page.url().split('#')[0]}#/companies/${firm.id}/documents`);
  const row = page.getByRole('row', { name: /Henvisningsbrev/ });
  await row.getByRole('button', { name: 'Send som e-mail' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send som e-mail' });
  await expect(dialog).toContainText('Bindeled skriver en e-mailkladde');
  const budget = dialog.getByRole('checkbox', { name: 'Budget 2012.xlsx' });
  await budget.check();
  await expect(budget).toBeFocused();
  expect(await axeFindings(page, 'dialog')).toEqual([]);

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Skriv e-mail' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Henvisning - Kildegården ApS - .*\.eml$/);
  const eml = readFileSync((await file.path()) as string, 'latin1');
  expect(eml).toMatch(/^X-Unsent: 1\r$/m);
  expect(eml).toContain('filename=');
  expect(eml).toMatch(/Budget 2012\.xlsx/);
  await expect(dialog).toBeHidden();
  await expect(page.getByText('E-mailkladden Henvisning - Kildegården ApS')).toBeVisible();
});

test('the settings page says whether LibreOffice is there and keeps "always PDF"', async ({ app: page }) => {
  await page.getByRole('link', { name: 'Indstillinger' }).click();
  const section = page.getByRole('region', { name: 'PDF', exact: true });
  const always = section.getByRole('checkbox', { name: 'Lav altid en PDF ved siden af Word-filen' });
  await expect(always).not.toBeChecked();
  await expect(section).toContainText(/LibreOffice findes her|LibreOffice er ikke installeret/);
  await always.click();
  await expect(always).toBeChecked();
  await expect(page.getByText('Indstillingerne er gemt').first()).toBeVisible();
  await page.reload();
  await expect(
    page
      .getByRole('region', { name: 'PDF', exact: true })
      .getByRole('checkbox', { name: 'Lav altid en PDF ved siden af Word-filen' }),
  ).toBeChecked();
  expect(await axeFindings(page, '[aria-labelledby="pdf-settings-title"]')).toEqual([]);
});
