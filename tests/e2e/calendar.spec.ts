import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from '@playwright/test';
import ICAL from 'ical.js';
import { addDays } from '../../src-main/core/domain/clock-time';
import { todayIso } from '../../src-shared/format/dates';
import { type BindeledServer, expect, test } from './fixtures';

interface Seeded {
  company: { id: number; name: string };
  followup: { id: number; uuid: string };
}

async function seedFirm(server: BindeledServer, name: string, title: string, due = todayIso()): Promise<Seeded> {
  const company = await server.call<{ id: number; name: string }>('companies.create', { name });
  const followup = await server.call<{ id: number; uuid: string }>('followups.create', {
    companyId: company.id,
    title,
    dueDate: due,
    description: 'Privat note',
  });
  return { company, followup };
}

/** Records every notification the page makes, keeping the real constructor (and its permission). */
const SPY = () => {
  const Real = window.Notification;
  const shown: Array<{ title: string; body?: string; n: Notification }> = [];
  (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
  class Spy extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      shown.push({ title, body: options?.body, n: this });
    }
  }
  window.Notification = Spy;
};

async function pageWithNotifications(browser: Browser, server: BindeledServer, hash: string) {
  const context = await browser.newContext({ permissions: ['notifications'] });
  const page = await context.newPage();
  await page.addInitScript(SPY);
  await page.goto(`${server.url}${hash}`);
  return { context, page };
}

const shownTitles = (page: import('@playwright/test').Page) =>
  page.evaluate(() =>
    (window as unknown as { shownNotifications: Array<{ title: string; body?: string }> }).shownNotifications.map(
      (s) => `${s.title} | ${s.body}`,
    ),
  );

test('a notification for a follow-up due today and a LAG deadline this week is shown at start and opens its item', async ({
  browser,
  server,
}) => {
  const { company } = await seedFirm(server, 'Påmindelsen ApS', 'Ring til Mette');
  const lags = await server.call<Array<{ id: number; name: string; type: string }>>('reference.organisations', {});
  const lag = lags.find((o) => o.type === 'lag');
  await server.call('lag.create', {
    companyId: company.id,
    lagId: lag?.id,
    title: 'Ny gårdbutik',
    deadline: addDays(todayIso(), 3),
  });
  const { context, page } = await pageWithNotifications(browser, server, '#/companies');
  await expect
    .poll(() => shownTitles(page))
    .toEqual(
      expect.arrayContaining([
        'Opfølgning i dag: Ring til Mette | Påmindelsen ApS',
        `LAG-frist ${addDays(todayIso(), 3).split('-').reverse().join('.')}: Ny gårdbutik | Påmindelsen ApS`,
      ]),
    );
  await page.evaluate(() => {
    const shown = (window as unknown as { shownNotifications: Array<{ title: string; n: Notification }> })
      .shownNotifications;
    const mine = shown.find((s) => s.title.includes('Ring til Mette'));
    mine?.n.onclick?.(new Event('click'));
  });
  await expect(page).toHaveURL(new RegExp(`#/companies/${company.id}/followups$`));
  await expect(page.getByText('Ring til Mette')).toBeVisible();
  await context.close();
});

test('reminders turned off in Settings show nothing at the next start', async ({ browser, server }) => {
  await seedFirm(server, 'Stille Smedje', 'Send tilbud');
  const { context, page } = await pageWithNotifications(browser, server, '#/settings');
  const section = page.getByRole('region', { name: 'Påmindelser' });
  await expect(section.getByText('Browseren viser Bindelds påmindelser.')).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('[aria-labelledby="reminders-settings-title"]').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`)),
  ).toEqual([]);
  await section.getByRole('checkbox', { name: 'Vis påmindelser' }).uncheck();
  await section.getByRole('textbox', { name: 'Tidspunkt hver dag' }).fill('25.00');
  await section.getByRole('button', { name: 'Gem påmindelser' }).click();
  await expect(section.getByText('Skriv tidspunktet som tt:mm, fx 08:30')).toBeVisible();
  await section.getByRole('textbox', { name: 'Tidspunkt hver dag' }).fill('7.45');
  await section.getByRole('button', { name: 'Gem påmindelser' }).click();
  await expect(section.getByRole('textbox', { name: 'Tidspunkt hver dag' })).toHaveValue('07:45');
  await context.close();

  const again = await pageWithNotifications(browser, server, '#/companies');
  await expect(again.page.getByRole('heading', { name: 'Sagsportefølje' })).toBeVisible();
  await expect(again.page.locator('.row-count')).toContainText('virksomhed');
  expect(await server.call('reminders.settings', {})).toEqual({ enabled: false, time: '07:45' });
  expect(await shownTitles(again.page)).toEqual([]);
  await again.context.close();
  await server.call('reminders.updateSettings', { enabled: true });
});

test('the period export and "Tilføj til kalender" download .ics files a calendar reads', async ({
  app: page,
  server,
}) => {
  const due = addDays(todayIso(), 2);
  const { followup } = await seedFirm(server, 'Kalender, Ærø & Co', 'Send referat', due);
  await page.goto(`${server.url}#/followups`);
  await page.getByRole('combobox', { name: 'Vis for' }).selectOption('all');
  await page.getByRole('button', { name: 'Eksportér kalender…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Eksportér kalender' });
  await expect(dialog).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`)),
  ).toEqual([]);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Gem kalenderfil' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^kalender-.*\.ics$/);
  const cal = new ICAL.Component(ICAL.parse(readFileSync(await download.path(), 'utf8')));
  const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  const mine = events.find((e) => e.uid === `followup-${followup.uuid}@bindeled`);
  expect(mine?.summary).toBe('Opfølgning: Send referat – Kalender, Ærø & Co');
  expect(mine?.startDate.toString()).toBe(due);
  expect(mine?.description ?? null).toBeNull();

  const single = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tilføj til kalender: Send referat · Kalender, Ærø & Co' }).click();
  const one = await single;
  const oneCal = new ICAL.Component(ICAL.parse(readFileSync(await one.path(), 'utf8')));
  expect(oneCal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).uid)).toEqual([
    `followup-${followup.uuid}@bindeled`,
  ]);
});
