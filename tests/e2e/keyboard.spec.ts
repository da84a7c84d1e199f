import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seed } from './helpers';

// A missing control fails fast, not after the test's whole budget.
test.use({ actionTimeout: 10_000 });

/** Every key press the task takes, a typed text one per character. */
class Keys {
  count = 0;
  constructor(private readonly page: Page) {}
  async press(key: string) {
    this.count += 1;
    await this.page.keyboard.press(key);
  }
  async type(text: string) {
    this.count += text.length;
    await this.page.keyboard.type(text);
  }
}

/** Focus is somewhere the next Tab continues from, never dropped on <body>. */
async function expectFocusKept(page: Page) {
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName ?? 'none')).not.toBe('BODY');
}

test('open a firm, record a visit with two needs and a follow-up, save: keyboard only, under 40 keys', async ({
  app: page,
  server,
}) => {
  // A second firm the search leaves out, so "1 virksomhed" says the search has been applied before ↓.
  const [firm] = await seed(server, [
    { name: 'Tastegården Vestervig', kommuneCode: 779, employees: 4 },
    { name: 'Fjordens Fisk', kommuneCode: 779 },
  ]);
  if (!firm) throw new Error('no firm');
  const keys = new Keys(page);

  await keys.press('/');
  await expect(page.getByRole('searchbox', { name: 'Søg' })).toBeFocused();
  await keys.type('Tastegården');
  await expect(page.locator('.row-count')).toHaveText('1 virksomhed');
  await keys.press('ArrowDown');
  await keys.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tastegården Vestervig' })).toBeVisible();
  await expectFocusKept(page);

  await keys.press('n');
  await expect(page.getByRole('heading', { level: 1, name: /Nyt besøg/ })).toBeVisible();
  await expect(page.getByLabel('Dato', { exact: true })).toBeFocused();
  await keys.press('Alt+b');
  await keys.press('Space');
  await keys.press('Tab');
  await keys.press('Space');
  await keys.press('Alt+o');
  await expect(page.getByLabel('Opfølgning 1', { exact: true })).toBeFocused();
  await keys.type('Send tilbud');
  await keys.press('Tab');
  await keys.press('Tab');
  await keys.press('Enter');
  await keys.press('Control+s');

  await expect(page.getByText('Besøget er gemt')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Besøg og kontakter' })).toHaveAttribute('aria-selected', 'true');
  await expectFocusKept(page);

  const visits = await server.call<{ rows: Array<{ needs: string[] }> }>('visits.list', { companyId: firm.id });
  expect(visits.rows).toHaveLength(1);
  expect(visits.rows[0]?.needs).toHaveLength(2);
  const followups = await server.call<{ rows: Array<{ title: string; companyId: number }> }>('followups.list', {
    scope: 'all',
    filter: 'open',
  });
  expect(followups.rows.filter((f) => f.companyId === firm.id).map((f) => f.title)).toEqual(['Send tilbud']);

  console.log(`keyboard visit task: ${keys.count} key presses (77 before)`);
  expect(keys.count).toBeLessThanOrEqual(40);
});

test('arrow keys in the company tabs keep focus on the tab and the page mounted', async ({ app: page, server }) => {
  const [firm] = await seed(server, [{ name: 'Fanebladet Thisted' }]);
  await page.goto(`${server.origin}/#/companies/${firm?.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Fanebladet Thisted' })).toBeVisible();
  // A mark on the page's heading survives a tab change only if the page is not re-mounted.
  await page.locator('#company-title').evaluate((el) => el.setAttribute('data-mounted', 'once'));
  await page.getByRole('tab', { name: 'Overblik' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Besøg og kontakter' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Opfølgninger' })).toBeFocused();
  // Two keys in a row, the second before the first tab is shown: each moves on from the focused tab.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Overblik' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Overblik' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#company-title')).toHaveAttribute('data-mounted', 'once');
});

test('a field focused near the bottom of the visit form is not hidden by the sticky footer', async ({
  app: page,
  server,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const [firm] = await seed(server, [{ name: 'Sidefoden Hurup' }]);
  await page.goto(`${server.origin}/#/companies/${firm?.id}/visits/new`);
  await expect(page.getByLabel('Dato', { exact: true })).toBeFocused();
  const footer = page.locator('.visit-foot');
  // Tab down the whole form: each field the keyboard lands on ends above the footer.
  for (let step = 0; step < 60; step++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    if (await footer.locator(':focus').count()) break;
    const box = await page.locator(':focus').boundingBox();
    const foot = await footer.boundingBox();
    if (!box || !foot) throw new Error('not laid out');
    expect(box.y + box.height, `${id} ends above the footer`).toBeLessThanOrEqual(foot.y + 1);
  }
});

test('? shows the keyboard shortcuts, and Escape closes them', async ({ app: page }) => {
  await page.locator('#main').focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Tastaturgenveje' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Registrér besøg');
  await expect(help.locator('kbd', { hasText: /^\/$/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await expectFocusKept(page);
});
