import { expect, test } from './fixtures';
import { seed, validCvr } from './helpers';

test('the company page shows details and manages contact persons', async ({ app: page, server }) => {
  const [company] = await seed(server, [
    {
      name: 'Fur Bryghus ApS',
      cvr: '13748136',
      ownerName: 'Anders Fur Nielsen',
      kommuneCode: 779,
      postcode: '7884',
      city: 'Fur',
      industryCode: '110500',
      employees: 9,
      status: 'visited',
    },
  ]);
  await page.goto(`${server.origin}/#/companies/${company?.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Fur Bryghus ApS' })).toBeVisible();
  await expect(page.locator('.company-facts')).toContainText('CVR 13748136');
  await expect(page.locator('.company-facts')).toContainText('Skive');
  await expect(page.locator('.company-head')).toContainText('Besøgt');
  // The code with its title in the firm's system (DB25, typed in from 2025), in the header and the details.
  await expect(page.locator('.company-facts')).toContainText('11.05.00 Fremstilling af øl');
  const details = page.getByRole('region', { name: 'Stamdata' });
  await expect(details).toContainText('11.05.00 Fremstilling af øl (DB25)');

  const contacts = page.getByRole('region', { name: 'Kontaktpersoner' });
  await expect(contacts.getByRole('listitem').filter({ hasText: 'Anders Fur Nielsen' })).toContainText('Indehaver');

  await contacts.getByRole('button', { name: 'Tilføj kontaktperson' }).click();
  const add = page.getByRole('dialog', { name: 'Ny kontaktperson' });
  await add.getByLabel('Navn').fill('Lise Madsen');
  await add.getByLabel('Rolle').fill('Bogholder');
  await add.getByLabel('E-mail').fill('lise@furbryghus');
  await add.getByRole('button', { name: 'Gem' }).click();
  await expect(add.getByText('E-mailadressen er ikke gyldig')).toBeVisible();
  await add.getByLabel('E-mail').fill('lise@furbryghus.dk');
  await add.getByRole('button', { name: 'Gem' }).click();
  await expect(add).toBeHidden();
  const lise = contacts.getByRole('listitem').filter({ hasText: 'Lise Madsen' });
  await expect(lise).toContainText('Bogholder');
  await expect(lise).toContainText('lise@furbryghus.dk');

  await contacts.getByRole('button', { name: 'Rediger Lise Madsen' }).click();
  const edit = page.getByRole('dialog', { name: 'Rediger kontaktperson' });
  await edit.getByLabel('Rolle').fill('Medejer');
  await edit.getByRole('button', { name: 'Gem' }).click();
  await expect(lise).toContainText('Medejer');

  await contacts.getByRole('button', { name: 'Slet Lise Madsen' }).click();
  const confirm = page.getByRole('dialog', { name: 'Bekræft' });
  await expect(confirm).toContainText('Slet kontaktpersonen Lise Madsen?');
  await confirm.getByRole('button', { name: 'Slet' }).click();
  await expect(lise).toHaveCount(0);
  await expect(contacts.getByRole('listitem')).toHaveCount(1);
});

test('an edit saves the changed fields and the history shows them; the CVR changes only with a reason', async ({
  app: page,
  server,
}) => {
  const [company] = await seed(server, [{ name: 'Skals Keramik', cvr: '24256790', kommuneCode: 791, employees: 1 }]);
  await page.goto(`${server.origin}/#/companies/${company?.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Skals Keramik' })).toBeVisible();

  await page.getByRole('button', { name: 'Rediger', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'Rediger Skals Keramik' });
  await expect(form.getByLabel('CVR-nummer')).toHaveAttribute('readonly', '');
  await form.getByLabel('Antal ansatte').fill('3');
  await form.getByLabel('Status').selectOption({ label: 'I forløb' });
  await form.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Ændringerne er gemt' })).toBeVisible();
  await expect(page.locator('.company-head')).toContainText('I forløb');

  await page.getByRole('tab', { name: 'Historik' }).click();
  await expect(page).toHaveURL(/\/history$/);
  const changed = page.getByRole('listitem').filter({ has: page.getByText('Ændret', { exact: true }) });
  await expect(changed).toContainText('Antal ansatte: 1 → 3');
  await expect(changed).toContainText('Status: Identificeret → I forløb');

  const corrected = validCvr(41_000_000);
  await page.getByRole('button', { name: 'Rediger', exact: true }).click();
  await form.getByRole('button', { name: 'Ret CVR-nummer' }).click();
  const correct = page.getByRole('dialog', { name: 'Ret CVR-nummer for Skals Keramik' });
  await correct.getByLabel('Nyt CVR-nummer').fill(corrected);
  await correct.getByRole('button', { name: 'Ret CVR-nummer' }).click();
  await expect(correct.getByText('Skriv en begrundelse')).toBeVisible();
  await correct.getByLabel('Nyt CVR-nummer').fill('24256791');
  await correct.getByLabel('Begrundelse').fill('Tastefejl ved oprettelsen');
  await correct.getByRole('button', { name: 'Ret CVR-nummer' }).click();
  await expect(correct.getByText('CVR-nummeret 24256791 findes ikke (kontrolcifferet passer ikke)')).toBeVisible();
  await correct.getByLabel('Nyt CVR-nummer').fill(corrected);
  await correct.getByRole('button', { name: 'Ret CVR-nummer' }).click();
  await expect(correct).toBeHidden();
  await expect(form.getByLabel('CVR-nummer')).toHaveValue(corrected);
  await form.getByRole('button', { name: 'Annuller' }).click();
  await expect(page.locator('.company-facts')).toContainText(`CVR ${corrected}`);
  const entry = page.getByRole('listitem').filter({ has: page.getByText('Rettet', { exact: true }) });
  await expect(entry).toContainText(`CVR-nummer: 24256790 → ${corrected}`);
  await expect(entry).toContainText('Begrundelse: Tastefejl ved oprettelsen');
});

test('closing a case asks for a reason next to the field', async ({ app: page, server }) => {
  const [company] = await seed(server, [{ name: 'Ebeltoft Glasværksted', kommuneCode: 706 }]);
  await page.goto(`${server.origin}/#/companies/${company?.id}`);
  await page.getByRole('button', { name: 'Rediger', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'Rediger Ebeltoft Glasværksted' });
  await form.getByLabel('Status').selectOption({ label: 'Afsluttet' });
  await form.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(form.getByText('Skriv en begrundelse, når sagen lukkes')).toBeVisible();
  await expect(form.getByRole('alert')).toHaveText('Ret de markerede felter. Intet er gemt.');
  await form.getByLabel('Begrundelse for status').fill('Virksomheden er solgt');
  await form.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(form).toBeHidden();
  await expect(page.locator('.company-head')).toContainText('Afsluttet');
});

test('Overblik says what is next, and a missing letterhead opens Settings at the letterhead', async ({
  app: page,
  server,
}) => {
  const [firm] = await seed(server, [{ name: 'Næste Skridt Struer' }]);
  await page.goto(`${server.origin}/#/companies/${firm?.id}`);
  const next = page.getByRole('region', { name: 'Hvad nu' });
  await expect(next).toContainText('Næste opfølgning');
  await expect(next).toContainText('Ingen planlagt');
  await expect(next).toContainText('Seneste kontakt');
  await expect(next).toContainText('Endnu ingen');
  await expect(page.locator('.company-head').getByRole('link', { name: 'Registrér besøg' })).toHaveAttribute(
    'href',
    `#/companies/${firm?.id}/visits/new`,
  );

  await page.getByRole('tab', { name: 'Dokumenter' }).click();
  await page.getByRole('button', { name: /^Dan / }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('link', { name: 'Åbn brevpapiret i Indstillinger' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indstillinger' })).toBeVisible();
  await expect(page.locator('[id="set-letterhead.organisation"]')).toBeFocused();
});
