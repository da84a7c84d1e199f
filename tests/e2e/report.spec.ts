import AxeBuilder from '@axe-core/playwright';
import { openDatabase } from '../../src-main/core/db/open';
import { importDemoProgramme } from '../../src-main/core/report/demo-programme';
import { expect, test } from './fixtures';
import { kpiCard as card } from './helpers';

// The demo programme, imported before the server starts, as `bindeled demo` does.
test.use({
  prepareDb: {
    async run(dbPath: string) {
      const db = openDatabase(dbPath);
      await importDemoProgramme(db);
      db.close();
    },
  },
});

test('the report shows the press release for the first year, and a figure opens its companies', async ({
  app: page,
}) => {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Rapport' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Programrapport' })).toBeVisible();

  await page.getByLabel('Fra', { exact: true }).fill('01.10.2010');
  await page.getByLabel('Til', { exact: true }).fill('17.10.2011');
  await expect(page.getByLabel('Status pr.', { exact: true })).toHaveValue('17.10.2011');
  await expect(page.locator(card('Virksomheder kontaktet'))).toHaveText('850');
  await expect(page.locator(card('Henvist til Væksthus/erhvervshus'))).toHaveText('81');
  await expect(page.locator(card('Heraf tilskud bevilget'))).toHaveText('10');
  await expect(page.locator(card('Hjulpet med LAG-ansøgning'))).toHaveText('62');
  await expect(page.locator(card('Sat i kontakt med videnspersoner'))).toHaveText('118');
  await expect(page.locator(card('Netværk etableret'))).toHaveText('12');

  // An earlier as-of date: grants awarded later do not count yet.
  await page.getByLabel('Status pr.', { exact: true }).fill('01.01.2011');
  await expect(page.locator(card('Heraf tilskud bevilget'))).not.toHaveText('10');
  await page.getByLabel('Status pr.', { exact: true }).fill('17.10.2011');
  await expect(page.locator(card('Heraf tilskud bevilget'))).toHaveText('10');

  await page.locator('.kpi-card', { hasText: 'Henvist til Væksthus/erhvervshus' }).click();
  const list = page.locator('.report-list');
  await expect(list.getByRole('heading')).toHaveText('Henvist til Væksthus/erhvervshus: 81 virksomheder');
  await expect(list.locator('tbody tr')).toHaveCount(81);

  const first = list.locator('tbody tr a').first();
  const name = (await first.textContent()) ?? '';
  await first.click();
  await expect(page).toHaveURL(/#\/companies\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});

test('a bar of the kommune chart lists the companies of that kommune', async ({ app: page, server }) => {
  await page.goto(`${server.origin}/#/report?from=2010-10-01&to=2011-10-17&asOf=2011-10-17`);
  await expect(page.locator(card('Virksomheder kontaktet'))).toHaveText('850');
  const bar = page.locator('.report-panel:has(h2:text-is("Fordelt på kommune")) button.bar').first();
  const kommune = (await bar.locator('.bar-label').textContent()) ?? '';
  const count = (await bar.locator('.bar-value').textContent()) ?? '';
  await bar.click();
  await expect(page.locator('.report-list').getByRole('heading')).toHaveText(
    `Virksomheder kontaktet – ${kommune}: ${count} virksomheder`,
  );
  await expect(page.locator('.report-list tbody tr')).toHaveCount(Number(count));
});

test('opens on the programme year without typing a date, with presets, the period in the address and no axe findings', async ({
  app: page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Rapport' }).click();
  await expect(page.locator(card('Virksomheder kontaktet'))).toHaveText('850');
  await expect(page.getByLabel('Fra', { exact: true })).toHaveValue('01.10.2010');
  await expect(page.getByLabel('Til', { exact: true })).toHaveValue('17.10.2011');
  await expect(page).toHaveURL(/#\/report\?from=2010-10-01&to=2011-10-17&asOf=2011-10-17$/);
  await expect(page.getByRole('button', { name: 'Programår' })).toHaveAttribute('aria-pressed', 'true');
  // The funnel's share in Danish: 81 of 850 is 9,5 %.
  await expect(page.locator('.funnel')).toContainText('(9,5\u00a0%)');

  // Bars largest first; each bar's name is the text it shows.
  const bars = page.locator('.report-panel:has(h2:text-is("Fordelt på kommune")) button.bar');
  const values = (await bars.locator('.bar-value').allTextContents()).map((v) => Number(v.replace(/\./g, '')));
  expect(values).toEqual([...values].sort((a, b) => b - a));
  const first = bars.first();
  const label = (await first.locator('.bar-label').textContent()) ?? '';
  await expect(first).toHaveAccessibleName(`${label} ${values[0]}`);
  // No label is cut: each fits its box.
  for (const l of await bars.locator('.bar-label').all())
    expect(await l.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);

  // The trend with its target line, read as text by a screen reader.
  await expect(
    page.getByRole('img', { name: /850 virksomheder kontaktet i perioden; målet for perioden er 921/ }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Seneste 12 måneder' }).click();
  await expect(page).not.toHaveURL(/from=2010-10-01/);
  await expect(page.locator(card('Virksomheder kontaktet'))).not.toHaveText('850');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Seneste 12 måneder' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Programår' }).click();
  await expect(page.locator(card('Virksomheder kontaktet'))).toHaveText('850');

  const axe = await new AxeBuilder({ page }).include('.page-report').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
  ).toEqual([]);
});

test("a target set in Settings moves the trend's target line", async ({ app: page, server }) => {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Indstillinger' }).click();
  const targets = page.getByRole('region', { name: 'Mål for programrapporten' });
  const contacted = targets.getByLabel('Virksomheder kontaktet');
  await expect(contacted).toHaveValue('850');
  await contacted.fill('1.200');
  await targets.getByRole('button', { name: 'Gem målene' }).click();
  await expect(page.getByText('Målene er gemt.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Rapport' }).click();
  // 13 months of the programme year at 1.200 a year.
  await expect(page.getByRole('img', { name: /målet for perioden er 1\.300/ })).toBeVisible();
  await expect(page.getByText('Mål (1.200 om året)')).toBeVisible();
  // The file's other tests share this database: the demo's target again.
  await server.call('report.setSettings', { targets: { companies_contacted: 850 } });
});

test('in English the report has the same presets and trend, and no axe findings', async ({ app: page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Report' }).click();
  await expect(page.getByRole('button', { name: 'Programme year' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Last 12 months' })).toBeVisible();
  await expect(page.getByRole('img', { name: /850 companies contacted in the period; the target/ })).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('.page-report').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
  ).toEqual([]);
  await page.getByRole('button', { name: 'Dansk' }).click();
});
