import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { type BindeledServer, expect, test } from './fixtures';
import { grid, search, seed, validCvr } from './helpers';

/** The letterhead every document needs, set once per server as a consultant would in Settings. */
async function letterhead(server: BindeledServer): Promise<void> {
  await server.call('settings.update', {
    'letterhead.organisation': 'Landdistriktsprojektet Midt',
    'letterhead.address': 'Torvet 1, 7400 Herning',
    'letterhead.signatureName': 'Mette Sørensen',
    'letterhead.signatureTitle': 'Erhvervskonsulent',
  });
}

async function organisationId(server: BindeledServer, name: string): Promise<number> {
  const orgs = await server.call<Array<{ id: number; name: string }>>('reference.organisations', {});
  const org = orgs.find((o) => o.name === name);
  if (!org) throw new Error(`no organisation ${name}`);
  return org.id;
}

async function openTab(page: Page, companyId: number, tab: string): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}#/companies/${companyId}/${tab}`);
}

test('a referral is created, its letter generated and listed; a missing contact is reported first', async ({
  app: page,
  server,
}) => {
  await letterhead(server);
  const [firm] = await seed(server, [
    { name: 'Hvidbjerg Mølle ApS', cvr: validCvr(4101), postcode: '7400', city: 'Herning', kommuneCode: 657 },
  ]);
  if (!firm) throw new Error('seed');

  await openTab(page, firm.id, 'referrals');
  await page.getByRole('button', { name: 'Ny henvisning' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny henvisning' });
  await dialog.getByLabel('Henvist til').selectOption({ label: 'Erhvervshus Midtjylland' });
  await dialog.getByLabel('Begrundelse').fill('Vækstplan & eksport — "særlige" behov <3');
  await dialog.getByRole('checkbox', { name: 'Eksport' }).check();
  await dialog.getByLabel('Virksomhedens samtykke (dato)').fill('17.10.2011');
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await expect(dialog).toBeHidden();
  const referrals = page.getByRole('list', { name: 'Henvisninger' });
  await expect(referrals).toContainText('Erhvervshus Midtjylland');
  await expect(referrals).toContainText('Kladde');

  // Only the allowed next status is offered: a draft can only be sent.
  await expect(referrals.getByRole('button', { name: /^Markér som/ })).toHaveText(['Markér som sendt']);
  await referrals.getByRole('button', { name: 'Markér som sendt' }).click();
  await expect(referrals).toContainText('Sendt');
  await expect(referrals.getByRole('button', { name: /^Markér som/ })).toHaveText([
    'Markér som modtaget',
    'Markér som afvist',
  ]);

  // The outcome: a grant, typed the Danish way.
  await referrals.getByRole('button', { name: 'Resultat' }).click();
  const outcome = page.getByRole('dialog', { name: 'Resultat af henvisningen' });
  await outcome.getByLabel('Resultat').selectOption({ label: 'Tilskud til specialiseret rådgivning bevilget' });
  await outcome.getByLabel('Beløb (kr.)').fill('25.000,00');
  await outcome.getByRole('button', { name: 'Gem' }).click();
  await expect(referrals).toContainText('25.000,00 kr.');

  // No contact person yet: the letter is refused before it is made, in Danish.
  await page.getByRole('tab', { name: 'Dokumenter' }).click();
  await page.getByRole('button', { name: 'Dan Henvisningsbrev' }).click();
  const make = page.getByRole('dialog', { name: 'Dan Henvisningsbrev' });
  await expect(make.getByRole('alert')).toContainText('Der er ingen kontaktperson hos virksomheden');
  await expect(make.getByRole('button', { name: 'Dan dokument' })).toHaveCount(0);
  await make.getByRole('button', { name: 'Annuller' }).click();

  await server.call('contacts.create', { companyId: firm.id, name: 'Jens Hvidbjerg', isOwner: true });
  await page.getByRole('button', { name: 'Dan Henvisningsbrev' }).click();
  await expect(make.getByText('Alle nødvendige oplysninger er på plads.')).toBeVisible();
  await make.getByRole('button', { name: 'Dan dokument' }).click();
  await expect(make).toBeHidden();
  const row = page.getByRole('row', { name: /Henvisningsbrev/ });
  await expect(row).toContainText('.docx');
  await expect(row.getByRole('button', { name: 'Åbn' })).toBeEnabled();

  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Åbn' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.docx$/);

  await row.getByRole('button', { name: 'Dan igen' }).click();
  await expect(page.getByRole('row', { name: /Henvisningsbrev/ })).toHaveCount(2);
});

test('LAG budget lines change the grant share live and warn above the maximum', async ({ app: page, server }) => {
  const [firm] = await seed(server, [{ name: 'Lindholm Ost', cvr: validCvr(4201), kommuneCode: 779 }]);
  if (!firm) throw new Error('seed');
  await openTab(page, firm.id, 'referrals');
  await page.getByRole('button', { name: 'Ny LAG-ansøgning' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny LAG-ansøgning' });
  const lagSelect = dialog.getByLabel('LAG', { exact: true });
  await expect(lagSelect.locator('option')).not.toHaveCount(1);
  await lagSelect.selectOption({ index: 1 });
  await dialog.getByLabel('Titel').fill('Ny modningshal');

  await dialog.getByRole('button', { name: 'Tilføj budgetlinje' }).click();
  await dialog.getByLabel('Kategori, linje 1').fill('Bygning');
  await dialog.getByLabel('Beskrivelse, linje 1').fill('Modningshal');
  await dialog.getByLabel('Beløb (kr.), linje 1').fill('100.000,00');
  await dialog.getByLabel('Ansøgt tilskud').fill('50.000,00');
  await expect(dialog.getByTestId('grant-share')).toHaveText('50,0 %');
  await expect(dialog.getByTestId('budget-total')).toHaveText('100.000,00 kr.');
  await expect(dialog.locator('.check-error')).toHaveCount(0);

  // A cheaper budget pushes the same grant above half.
  await dialog.getByLabel('Beløb (kr.), linje 1').fill('80.000,00');
  await expect(dialog.getByTestId('grant-share')).toHaveText('62,5 %');
  await expect(dialog.locator('.check-error').first()).toContainText('50');

  // A second line brings it back within the limit.
  await dialog.getByRole('button', { name: 'Tilføj budgetlinje' }).click();
  await dialog.getByLabel('Kategori, linje 2').fill('Udstyr');
  await dialog.getByLabel('Beskrivelse, linje 2').fill('Hylder');
  await dialog.getByLabel('Beløb (kr.), linje 2').fill('20.000');
  await expect(dialog.getByTestId('grant-share')).toHaveText('50,0 %');

  // Food-processing SMEs may get at most 40 %.
  await dialog.getByLabel('Fødevareforarbejdende SMV (maks. 40 %)').check();
  await expect(dialog.locator('.check-error').first()).toContainText('40');

  await dialog.getByRole('button', { name: 'Gem' }).click();
  await expect(dialog).toBeHidden();
  const list = page.getByRole('list', { name: 'LAG-ansøgninger' });
  await expect(list).toContainText('Ny modningshal');
  await expect(list).toContainText('100.000,00 kr.');

  // An edit saves the fields and the budget together.
  await list.getByRole('button', { name: 'Rediger' }).click();
  const edit = page.getByRole('dialog', { name: 'Rediger LAG-ansøgning' });
  await edit.getByLabel('Titel').fill('Ny modningshal og butik');
  await edit.getByLabel('Beløb (kr.), linje 2').fill('40.000');
  await edit.getByRole('button', { name: 'Gem' }).click();
  await expect(edit).toBeHidden();
  await expect(list).toContainText('Ny modningshal og butik');
  await expect(list).toContainText('120.000,00 kr.');
});

test('batch letters for three selected companies show progress and finish', async ({ app: page, server }) => {
  await letterhead(server);
  const erhvervshus = await organisationId(server, 'Erhvervshus Midtjylland');
  const firms = await seed(server, [
    { name: 'Batchbrev Alfa', cvr: validCvr(4301) },
    { name: 'Batchbrev Beta', cvr: validCvr(4401) },
    { name: 'Batchbrev Gamma', cvr: validCvr(4501) },
  ]);
  for (const f of firms) {
    const contact = await server.call<{ id: number }>('contacts.create', {
      companyId: f.id,
      name: `Ejer af ${f.name}`,
    });
    await server.call('referrals.create', {
      companyId: f.id,
      organisationId: erhvervshus,
      contactId: contact.id,
      reason: 'Behov for sparring om vækst',
      needs: ['export'],
      consentOn: '2011-10-17',
    });
  }

  await search(page, 'Batchbrev');
  const rows = grid(page).locator('tbody tr:not(.placeholder)');
  await expect(rows).toHaveCount(3);
  await rows.nth(0).click();
  await rows.nth(2).click({ modifiers: ['Shift'] });
  await expect(grid(page).locator('tr[data-marked]')).toHaveCount(3);

  await page.getByRole('button', { name: 'Dan breve (3)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dan breve for 3 virksomheder' });
  await expect(dialog).toContainText('3 kan dannes.');
  await dialog.getByRole('button', { name: 'Dan 3 dokumenter' }).click();
  await expect(dialog.getByRole('status')).toContainText('3 breve er skrevet.');
  await expect(dialog.getByRole('status')).toContainText('Mappe');
  await dialog.getByRole('button', { name: 'Luk' }).click();

  await openTab(page, firms[1]?.id ?? 0, 'documents');
  await expect(page.getByRole('row', { name: /Henvisningsbrev/ })).toHaveCount(1);
});

test('networks and settings pages are in the menu', async ({ app: page, server }) => {
  const [member] = await seed(server, [{ name: 'Netværksmedlem Sallingsund', cvr: validCvr(4601) }]);
  await page.getByRole('link', { name: 'Netværk' }).click();
  await page.getByRole('button', { name: 'Nyt netværk' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nyt netværk' });
  await dialog.getByLabel('Navn').fill('Fødevarenetværk Salling');
  await dialog.getByLabel('Tema').fill('Lokale fødevarer');
  await dialog.getByRole('button', { name: 'Gem' }).click();
  const detail = page.getByRole('dialog', { name: 'Fødevarenetværk Salling' });
  await expect(detail).toBeVisible();
  await detail.getByLabel('Tilføj virksomhed (søg)').fill('Netværksmedlem');
  await detail.getByRole('button', { name: 'Tilføj', exact: true }).click();
  await expect(detail.getByRole('list', { name: 'Medlemmer' })).toContainText('Netværksmedlem Sallingsund');
  await detail.getByRole('button', { name: 'Luk' }).click();
  await expect(page.getByRole('table')).toContainText('Lokale fødevarer');

  // The address changed with sqlite3 as plain text, not JSON: the page names it instead of failing.
  const db = new Database(server.dbPath);
  db.prepare(
    `INSERT INTO settings(key, value) VALUES ('letterhead.address', 'Torvet 1, 7400 Herning')
     ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  ).run();
  db.close();
  await page.getByRole('link', { name: 'Indstillinger' }).click();
  const problems = page.getByTestId('settings-problems');
  await expect(problems).toContainText('Indstillingen "letterhead.address" i databasen kan ikke læses');
  await expect(problems).toContainText('«Torvet 1, 7400 Herning» er ikke JSON');
  await page.getByLabel('Organisation').fill('Landdistriktsprojektet Midt');
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Indstillingerne er gemt' })).toBeVisible();
  await expect(problems).toHaveCount(0);
  await expect(page.getByText('Bindeleds egen skabelon').first()).toBeVisible();

  // The company page lists the membership.
  await openTab(page, member?.id ?? 0, 'referrals');
  await expect(page.getByRole('list', { name: 'Netværk' })).toContainText('Fødevarenetværk Salling');
});

test('knowledge contacts are added, corrected and removed; a referral is deleted only once confirmed', async ({
  app: page,
  server,
}) => {
  const [firm] = await seed(server, [{ name: 'Skive Fiskerøgeri', cvr: validCvr(4701), kommuneCode: 779 }]);
  if (!firm) throw new Error('seed');
  await openTab(page, firm.id, 'referrals');

  const knowledge = page.getByRole('region', { name: 'Videnkontakter' });
  await expect(knowledge).toContainText('Ingen videnkontakter endnu.');
  await knowledge.getByRole('button', { name: 'Ny videnkontakt' }).click();
  const add = page.getByRole('dialog', { name: 'Ny videnkontakt' });
  // Someone to have talked to is required: an institution or a person.
  await add.getByRole('button', { name: 'Gem' }).click();
  await expect(add).toContainText('Vælg en institution eller skriv en person');
  await add.getByLabel('Person', { exact: true }).fill('Hanne Berg');
  await add.getByLabel('Type', { exact: true }).selectOption({ label: 'Forsker' });
  await add.getByLabel('Emne').fill('Røgning uden tjærestoffer');
  await add.getByRole('button', { name: 'Gem' }).click();
  await expect(add).toBeHidden();
  const list = knowledge.getByRole('list', { name: 'Videnkontakter' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Hanne Berg');
  await expect(list).toContainText('Forsker');

  await list.getByRole('button', { name: 'Rediger' }).click();
  const edit = page.getByRole('dialog', { name: 'Rediger videnkontakt' });
  await expect(edit.getByLabel('Person', { exact: true })).toHaveValue('Hanne Berg');
  await edit.getByLabel('Resultat', { exact: true }).fill('Forsøg aftalt i marts');
  await edit.getByRole('button', { name: 'Gem' }).click();
  await expect(edit).toBeHidden();
  await expect(list).toContainText('Forsøg aftalt i marts');

  await list.getByRole('button', { name: 'Slet' }).click();
  await expect(knowledge).toContainText('Ingen videnkontakter endnu.');

  await page.getByRole('button', { name: 'Ny henvisning' }).click();
  const referral = page.getByRole('dialog', { name: 'Ny henvisning' });
  await referral.getByLabel('Henvist til').selectOption({ label: 'Erhvervshus Midtjylland' });
  await referral.getByLabel('Begrundelse').fill('Eksport til Norge');
  await referral.getByRole('button', { name: 'Gem' }).click();
  await expect(referral).toBeHidden();
  const referrals = page.getByRole('list', { name: 'Henvisninger' });
  await referrals.getByRole('button', { name: 'Slet' }).click();
  const confirm = page.getByRole('dialog', { name: 'Bekræft' });
  await expect(confirm).toContainText('Slet henvisningen til Erhvervshus Midtjylland?');
  await confirm.getByRole('button', { name: 'Annuller' }).click();
  await expect(referrals).toContainText('Eksport til Norge');
  await referrals.getByRole('button', { name: 'Slet' }).click();
  await confirm.getByRole('button', { name: 'Slet' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('region', { name: 'Henvisninger' })).toContainText('Virksomheden er ikke henvist endnu.');
});
