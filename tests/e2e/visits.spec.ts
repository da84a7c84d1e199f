import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { grid, loadedRows, search, seed } from './helpers';

/** `dd.mm.yyyy`, `days` from today in the browser's (and the server's) time zone. */
function danish(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
}

/**
 * Counts what a consultant does: every click and every key press (a typed text counts one per
 * character). The figure for a typical visit goes in the closing note.
 */
class Effort {
  clicks = 0;
  keys = 0;
  constructor(private readonly page: Page) {}
  async click(locator: ReturnType<Page['locator']>) {
    this.clicks += 1;
    await locator.click();
  }
  async type(text: string) {
    this.keys += text.length;
    await this.page.keyboard.type(text);
  }
  async press(key: string) {
    this.keys += 1;
    await this.page.keyboard.press(key);
  }
}

async function companyWithOwner(server: Parameters<typeof seed>[0], name: string, consultantName: string) {
  const consultant = await server.call<{ id: number }>('consultants.ensure', { name: consultantName });
  const [company] = await seed(server, [{ name, ownerName: `Ejer af ${name}`, kommuneCode: 779, employees: 3 }]);
  if (!company) throw new Error('no company');
  await server.call('companies.update', { id: company.id, changes: { consultantId: consultant.id } });
  return company;
}

test('records a visit with needs and two follow-ups, then finds it everywhere', async ({ app: page, server }) => {
  await server.call('consultants.ensure', { name: 'Mette Besøg' });
  await server.call('settings.update', { 'user.name': 'Mette Besøg' });
  const company = await companyWithOwner(server, 'Honninggården Fur', 'Mette Besøg');
  await page.goto(`${server.origin}/#/companies/${company.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Honninggården Fur' })).toBeVisible();
  // Eligibility flags on the overview.
  const flags = page.getByRole('region', { name: 'Støtteberettigelse' });
  await expect(flags.getByRole('listitem').filter({ hasText: 'Under 10 ansatte' })).toContainText('Ja');
  await expect(flags.getByRole('listitem').filter({ hasText: 'Deltagende kommune' })).toBeVisible();

  const effort = new Effort(page);
  // "Registrér besøg" sits in the firm's header, whatever tab is open.
  await effort.click(page.locator('.company-head').getByRole('link', { name: 'Registrér besøg' }));
  await expect(page.getByRole('heading', { level: 1, name: /Nyt besøg/ })).toBeVisible();

  // Defaults: today, a visit, the company's consultant, the owner as participant.
  await expect(page.getByLabel('Dato', { exact: true })).toHaveValue(danish(0));
  await expect(page.getByLabel('Type', { exact: true })).toHaveValue('visit');
  await expect(page.getByLabel('Konsulent').locator('option:checked')).toHaveText('Mette Besøg');
  await expect(page.getByRole('checkbox', { name: 'Ejer af Honninggården Fur' })).toBeChecked();

  await effort.click(page.getByRole('checkbox', { name: 'Finansiering' }));
  await effort.click(page.getByRole('checkbox', { name: 'Digitalisering' }));
  await effort.click(page.getByLabel('Noter'));
  await effort.type('Vil sælge bivoksprodukter via webshop');
  await effort.click(page.getByRole('button', { name: 'Tilføj opfølgning' }));
  // The new row takes the cursor.
  await expect(page.getByLabel('Opfølgning 1', { exact: true })).toBeFocused();
  await effort.type('Send tilbud på webshop');
  // A quick deadline instead of typing the date (typing it is Tab + 10 key presses).
  await effort.click(page.getByRole('button', { name: 'Frist om 2 uger for opfølgning 1' }));
  await expect(page.getByLabel('Frist 1', { exact: true })).toHaveValue(danish(14));
  const typical = { clicks: effort.clicks, keys: effort.keys };

  await page.getByRole('button', { name: 'Tilføj opfølgning' }).click();
  await page.getByLabel('Opfølgning 2', { exact: true }).fill('Ring om lånet');
  await page.getByLabel('Frist 2', { exact: true }).fill(danish(20));
  await effort.press('Control+s');
  typical.keys += 1;
  console.log(
    `[effort] typical visit (2 needs, a note line, 1 follow-up): ${typical.clicks} clicks + ${typical.keys} key presses`,
  );

  await expect(page).toHaveURL(new RegExp(`#/companies/${company.id}/visits$`));
  await expect(page.getByRole('status').filter({ hasText: 'Besøget er gemt' })).toBeVisible();
  // Needs and agreed follow-ups move the case on by itself; the header shows where it landed.
  await expect(page.getByRole('status').filter({ hasText: 'Sagens status er nu I forløb' })).toBeVisible();
  await expect(page.locator('.company-head')).toContainText('I forløb');
  const card = page.getByRole('list', { name: 'Tidslinje, nyeste først' }).getByRole('listitem').first();
  await expect(card.getByRole('list', { name: 'Behov' })).toHaveText(/Finansiering\s*Digitalisering/);
  await expect(card).toContainText('Vil sælge bivoksprodukter via webshop');
  await expect(card).toContainText('Send tilbud på webshop');
  await expect(card).toContainText('Med Ejer af Honninggården Fur');
  // Saving discarded the draft; a draft save still pending when Ctrl+S was pressed does not bring it back.
  expect(await server.call('drafts.list', { companyId: company.id })).toEqual([]);
  await expect(page.getByText(/ikke er gemt \(kladde/)).toHaveCount(0);

  // "Mine opfølgninger": both follow-ups, grouped; tick one off; click through to the company.
  await page.getByRole('link', { name: 'Mine opfølgninger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine opfølgninger' })).toBeVisible();
  await expect(page.getByLabel('Vis for').locator('option:checked')).toHaveText('Mine (Mette Besøg)');
  const webshop = page.locator('.followup').filter({ hasText: 'Send tilbud på webshop' });
  const later = page.locator('.followup').filter({ hasText: 'Ring om lånet' });
  await expect(webshop).toContainText('Honninggården Fur');
  await expect(later).toContainText(danish(20));
  await expect(page.getByRole('region', { name: /Senere/ })).toContainText('Ring om lånet');
  // The box ticks once the core has recorded it (a controlled input), so click rather than check().
  await webshop.getByRole('checkbox').click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Markeret som udført: Send tilbud på webshop' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: /Udført/ })).toContainText('Send tilbud på webshop');
  await later.getByRole('button', { name: /Udsæt/ }).click();
  await later.getByRole('button', { name: '1 uge' }).click();
  await expect(later).toContainText(danish(27));
  await later.getByRole('link', { name: 'Honninggården Fur' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Honninggården Fur' })).toBeVisible();

  // The caseload's search box finds the company by a word in the visit notes once asked to look
  // there (an empty result points to the choice); its columns show the dates.
  await page.getByRole('link', { name: 'Sagsportefølje', exact: true }).click();
  await search(page, 'bivoksprodukter');
  await expect(page.getByText('Slå "Søg også i besøgsnoter" til')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Søg også i besøgsnoter' }).check();
  await expect(loadedRows(page)).toHaveCount(1);
  const row = grid(page).getByRole('row', { name: /Honninggården Fur/ });
  await expect(row).toBeVisible();
  await expect(grid(page).getByRole('columnheader', { name: /Sidste kontakt/ })).toBeVisible();
  await expect(grid(page).getByRole('columnheader', { name: /Næste opfølgning/ })).toBeVisible();
  // The next open follow-up is the snoozed one (the other was ticked off).
  await expect(row).toContainText(danish(27));

  // The search page shows the snippet with the hit marked.
  await page.getByRole('link', { name: 'Søg i noter' }).click();
  await page.getByRole('searchbox', { name: 'Søg i besøgsnoter' }).fill('bivoks');
  const hit = page.locator('.search-hit').filter({ hasText: 'Honninggården Fur' });
  await expect(hit.locator('mark')).toHaveText(/bivoksprodukter/i);
  // It says how the hits are ordered (ranked here; newest first when there are thousands).
  await expect(page.getByRole('status').filter({ hasText: /besøg · bedste match først/ })).toBeVisible();
});

test('a reload mid-typing brings the draft back, and Esc asks before discarding it', async ({ app: page, server }) => {
  const company = await companyWithOwner(server, 'Kladde Smedje', 'Per Kladde');
  await page.goto(`${server.origin}/#/companies/${company.id}/visits/new`);
  await page.getByRole('checkbox', { name: 'Eksport' }).check();
  await page.getByLabel('Noter').fill('Smeden vil lave låger til Tyskland');
  await expect(page.getByRole('status').filter({ hasText: /Kladde gemt/ })).toBeVisible();

  // The form has unsaved changes, so the browser asks before the reload.
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.type());
      void d.accept();
    }),
  );
  await page.reload();
  expect(await asked).toBe('beforeunload');
  await expect(page.getByLabel('Noter')).toHaveValue('Smeden vil lave låger til Tyskland');
  await expect(page.getByRole('checkbox', { name: 'Eksport' })).toBeChecked();
  await expect(page.getByText(/Kladden fra .* er hentet frem/)).toBeVisible();

  // An in-app link is held until the consultant answers.
  await page.getByRole('link', { name: 'Sagsportefølje', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Bekræft' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Annuller' }).click();
  await expect(page.getByLabel('Noter')).toHaveValue('Smeden vil lave låger til Tyskland');

  // The browser's back button cannot be held, so it is undone unless the consultant agrees.
  const back = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.message());
      void d.dismiss();
    }),
  );
  await page.goBack();
  expect(await back).toContain('ændringer, der ikke er gemt');
  await expect(page).toHaveURL(new RegExp(`#/companies/${company.id}/visits/new$`));
  await expect(page.getByLabel('Noter')).toHaveValue('Smeden vil lave låger til Tyskland');

  await page.getByLabel('Noter').focus();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Kassér og luk' }).click();
  await expect(page).toHaveURL(new RegExp(`#/companies/${company.id}/visits$`));
  await expect(page.getByText('Ingen besøg eller kontakter endnu.')).toBeVisible();
  await expect(page.getByText(/ikke er gemt \(kladde/)).toHaveCount(0);
});

test('a future-dated visit is refused on screen and nothing is saved', async ({ app: page, server }) => {
  const company = await companyWithOwner(server, 'Fremtid Bed and Breakfast', 'Lone Dato');
  await page.goto(`${server.origin}/#/companies/${company.id}/visits/new`);
  await page.getByLabel('Dato', { exact: true }).fill(danish(5));
  await page.getByLabel('Noter').fill('Dette besøg har ikke fundet sted');
  await page.getByRole('button', { name: 'Tilføj opfølgning' }).click();
  await page.getByLabel('Opfølgning 1', { exact: true }).fill('Uden frist');
  await page.getByRole('button', { name: 'Gem besøg' }).click();
  await expect(page.locator('#visit-date-error')).toHaveText('Datoen må ikke ligge efter i dag');
  await expect(page.locator('#followup-0-dueDate-error')).toHaveText('Opfølgningen skal have en frist');
  await expect(page.getByLabel('Dato', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  expect(await server.call<{ total: number }>('visits.list', { companyId: company.id })).toMatchObject({ total: 0 });

  // End before start, checked as the field is left.
  await page.getByLabel('Dato', { exact: true }).fill(danish(0));
  await page.getByLabel('Start', { exact: true }).fill('10:00');
  await page.getByLabel('Slut', { exact: true }).fill('09:00');
  await page.getByLabel('Slut', { exact: true }).blur();
  await expect(page.locator('#visit-endTime-error')).toHaveText('Sluttidspunktet ligger før starttidspunktet');
  await expect(page.locator('#visit-date-error')).toHaveCount(0);
});

test('a visit is edited and deleted from the timeline, and a case is closed with a reason', async ({
  app: page,
  server,
}) => {
  const company = await companyWithOwner(server, 'Rettelse Købmand', 'Ib Ret');
  await server.call('visits.create', {
    companyId: company.id,
    date: danish(-3),
    type: 'phone',
    notes: 'Første opringning',
    needs: ['networks'],
  });
  await page.goto(`${server.origin}/#/companies/${company.id}/visits`);
  const timeline = page.getByRole('list', { name: 'Tidslinje, nyeste først' });
  await expect(timeline.getByRole('listitem').first()).toContainText('Telefon');

  await page.getByRole('link', { name: `Rediger besøget ${danish(-3)}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Rediger besøg/ })).toBeVisible();
  await expect(page.getByLabel('Noter')).toHaveValue('Første opringning');
  await page.getByLabel('Noter').fill('Første opringning, rettet');
  await page.getByRole('radio', { name: 'Stort', exact: true }).check();
  await page.getByRole('button', { name: 'Gem besøg' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Besøget er opdateret' })).toBeVisible();
  const card = timeline.getByRole('listitem').first();
  await expect(card).toContainText('Første opringning, rettet');
  await expect(card).toContainText('Stort');

  await page.getByRole('button', { name: `Slet besøget ${danish(-3)}` }).click();
  await page.getByRole('dialog', { name: 'Bekræft' }).getByRole('button', { name: 'Slet' }).click();
  await expect(page.getByText('Ingen besøg eller kontakter endnu.')).toBeVisible();

  await page.getByRole('button', { name: 'Luk sag' }).click();
  const dialog = page.getByRole('dialog', { name: 'Luk sagen for Rettelse Købmand' });
  await dialog.getByRole('button', { name: 'Luk sag' }).click();
  await expect(dialog.getByText('Skriv hvorfor sagen lukkes.')).toBeVisible();
  await dialog.getByLabel('Begrundelse').fill('Ejeren har solgt butikken');
  await dialog.getByRole('button', { name: 'Luk sag' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.company-head')).toContainText('Afsluttet');
  await expect(page.getByRole('button', { name: 'Luk sag' })).toHaveCount(0);
});

test('a follow-up added while editing is saved with the edit, and a refused one saves neither', async ({
  app: page,
  server,
}) => {
  const company = await companyWithOwner(server, 'Efterslæt Mølle', 'Per Mølle');
  const saved = await server.call<{ visit: { id: number } }>('visits.create', {
    companyId: company.id,
    date: danish(-2),
    type: 'phone',
    notes: 'Første samtale',
  });
  await page.goto(`${server.origin}/#/companies/${company.id}/visits/${saved.visit.id}`);
  await expect(page.getByLabel('Noter')).toHaveValue('Første samtale');
  await page.getByLabel('Noter').fill('Første samtale, rettet');
  await page.getByRole('button', { name: 'Tilføj opfølgning' }).click();
  await page.getByLabel('Opfølgning 1', { exact: true }).fill('Send prisliste');
  await page.getByRole('button', { name: 'Gem besøg' }).click();
  await expect(page.locator('#followup-0-dueDate-error')).toHaveText('Opfølgningen skal have en frist');
  const before = await server.call<{ notes: string; followups: unknown[] }>('visits.get', { id: saved.visit.id });
  expect(before).toMatchObject({ notes: 'Første samtale', followups: [] });

  await page.getByLabel('Frist 1', { exact: true }).fill(danish(7));
  await page.getByRole('button', { name: 'Gem besøg' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Besøget er opdateret' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Sagens status er nu I forløb' })).toBeVisible();
  const card = page.getByRole('list', { name: 'Tidslinje, nyeste først' }).getByRole('listitem').first();
  await expect(card).toContainText('Første samtale, rettet');
  await expect(card).toContainText('Send prisliste');
});
