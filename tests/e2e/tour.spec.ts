import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src-main/core/db/open';
import { importDemoProgramme } from '../../src-main/core/report/demo-programme';
import { expect, test } from './fixtures';

// The demo programme, so every list, tab and dialog has something in it.
test.use({
  prepareDb: {
    async run(dbPath: string) {
      const db = openDatabase(dbPath);
      await importDemoProgramme(db);
      db.close();
    },
  },
});

// A missing opener fails fast, not after the whole tour's budget.
test.use({ actionTimeout: 10_000 });

type Lang = 'da' | 'en';

/** Serious and critical axe findings on what is on screen now, one line per node. */
async function axeFindings(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${where} · ${v.id}: ${n.target.join(' ')}`));
}

/** A stop on the tour: a page (by its hash) and the dialogs opened from it, by their opener. */
interface Stop {
  path: string;
  /** Visible once the page has loaded its data. */
  ready: (page: Page) => Locator;
  dialogs?: Array<{ name: string; open: (page: Page) => Promise<void> }>;
}

const button = (page: Page, name: RegExp) => page.locator('main').getByRole('button', { name }).first();
const heading = (page: Page) => page.locator('main h1').first();

function stops(firmId: number): Stop[] {
  const firm = `/companies/${firmId}`;
  return [
    { path: '/week', ready: heading },
    {
      path: '/companies',
      ready: (page) => page.locator('.row-count'),
      dialogs: [
        { name: 'new company', open: (page) => button(page, /Ny virksomhed|New company/).click() },
        {
          name: 'keyboard shortcuts',
          open: (page) => page.getByRole('button', { name: /Tastaturgenveje|Keyboard shortcuts/ }).click(),
        },
        {
          name: 'more filters',
          open: async (page) => {
            await button(page, /Flere filtre|More filters/).click();
            await expect(page.locator('.popover-panel')).toBeVisible();
          },
        },
        { name: 'save view', open: (page) => button(page, /^Gem visning$|^Save view$/).click() },
        { name: 'tags', open: (page) => button(page, /^Tags…$/).click() },
        { name: 'bulk action', open: (page) => button(page, /Massehandling|Bulk action/).click() },
        {
          name: 'export',
          open: async (page) => {
            await button(page, /Eksportér|Export/).click();
            await page.locator('.export-menu .menu-item').first().click();
          },
        },
      ],
    },
    {
      path: '/duplicates',
      ready: (page) => button(page, /Læg sammen|Merge/),
      dialogs: [{ name: 'merge', open: (page) => button(page, /Læg sammen|Merge/).click() }],
    },
    {
      path: '/followups',
      ready: heading,
      dialogs: [
        { name: 'export calendar', open: (page) => button(page, /Eksportér kalender|Export calendar/).click() },
      ],
    },
    { path: '/referrals', ready: heading },
    { path: '/lag', ready: heading },
    { path: '/search', ready: heading },
    {
      path: '/networks',
      ready: (page) => button(page, /Nyt netværk|New network/),
      dialogs: [{ name: 'new network', open: (page) => button(page, /Nyt netværk|New network/).click() }],
    },
    { path: '/import', ready: heading },
    { path: '/report', ready: (page) => page.locator('.kpi-card').first() },
    {
      path: '/settings',
      ready: heading,
      dialogs: [{ name: 'add letter kind', open: (page) => button(page, /Tilføj brevtype|Add letter kind/).click() }],
    },
    {
      path: `${firm}/overview`,
      ready: (page) => page.getByRole('tab').first(),
      dialogs: [
        { name: 'edit company', open: (page) => button(page, /^Rediger$|^Edit$/).click() },
        { name: 'close case', open: (page) => button(page, /Luk sag|Close case/).click() },
        { name: 'new contact', open: (page) => button(page, /Tilføj kontaktperson|Add contact/).click() },
      ],
    },
    { path: `${firm}/visits`, ready: (page) => page.getByRole('tab').first() },
    { path: `${firm}/followups`, ready: (page) => page.getByRole('tab').first() },
    {
      path: `${firm}/referrals`,
      ready: (page) => button(page, /Ny henvisning|New referral/),
      dialogs: [
        { name: 'new referral', open: (page) => button(page, /Ny henvisning|New referral/).click() },
        { name: 'outcome', open: (page) => button(page, /^Resultat$|^Outcome$/).click() },
        { name: 'new LAG application', open: (page) => button(page, /Ny LAG-ansøgning|New LAG application/).click() },
        {
          name: 'new knowledge contact',
          open: (page) => button(page, /Ny videnkontakt|New knowledge contact/).click(),
        },
      ],
    },
    {
      path: `${firm}/documents`,
      ready: (page) => button(page, /^Dan |^Make /),
      dialogs: [{ name: 'make a letter', open: (page) => button(page, /^Dan |^Make /).click() }],
    },
    { path: `${firm}/attachments`, ready: (page) => page.getByTestId('attachments-drop-zone') },
    { path: `${firm}/history`, ready: (page) => page.getByRole('tab').first() },
    { path: `${firm}/visits/new`, ready: (page) => page.locator('main form').first() },
  ];
}

test('every page and dialog passes axe, in Danish and in English', async ({ app: page, server }) => {
  test.setTimeout(400_000);
  // A demo firm with a visit, a referral with an outcome to record, a LAG application and contacts.
  const db = new Database(server.dbPath, { readonly: true });
  const firm = db
    .prepare(
      `SELECT c.id FROM companies c
        WHERE EXISTS (SELECT 1 FROM referrals r WHERE r.company_id = c.id AND r.status = 'sent' AND r.outcome IS NULL)
          AND EXISTS (SELECT 1 FROM lag_applications l WHERE l.company_id = c.id)
          AND EXISTS (SELECT 1 FROM visits v WHERE v.company_id = c.id)
          AND EXISTS (SELECT 1 FROM contacts o WHERE o.company_id = c.id)
        ORDER BY c.name_sort LIMIT 1`,
    )
    .get() as { id: number } | undefined;
  db.close();
  const findings: string[] = [];
  let checked = 0;
  for (const lang of ['da', 'en'] as Lang[]) {
    await server.call('settings.update', { 'ui.language': lang });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    for (const stop of stops(firm?.id ?? 1)) {
      await page.goto(`${server.url}#${stop.path}`);
      await expect(stop.ready(page)).toBeVisible();
      findings.push(...(await axeFindings(page, `${lang} ${stop.path}`)));
      checked++;
      for (const dialog of stop.dialogs ?? []) {
        await dialog.open(page);
        const open = page.locator('dialog[open], .popover-panel');
        await expect(open).toBeVisible();
        findings.push(...(await axeFindings(page, `${lang} ${stop.path} [${dialog.name}]`)));
        checked++;
        await page.keyboard.press('Escape');
        await expect(open).toHaveCount(0);
      }
    }
  }
  console.log(`axe tour: ${checked} screens, ${findings.length} serious or critical findings`);
  if (findings.length) console.log(findings.join('\n'));
  expect(findings).toEqual([]);
});
