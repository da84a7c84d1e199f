import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seed } from './helpers';

async function axeFindings(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include('.page-pipeline').analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

test('referrals across firms: filter, save a view, move a card on the board by keyboard', async ({
  app: page,
  server,
}) => {
  const [a, b] = await seed(server, [
    { name: 'Hedegårdens Æblemost', kommuneCode: 710 },
    { name: 'Tømrer Bundgaard', kommuneCode: 751 },
  ]);
  if (!a || !b) throw new Error('seed');
  const orgs = await server.call<Array<{ id: number; name: string }>>('reference.organisations', {});
  const vaeksthus = orgs.find((o) => o.name === 'Væksthus Midtjylland')?.id;
  for (const firm of [a, b]) {
    const r = await server.call<{ id: number }>('referrals.create', {
      companyId: firm.id,
      organisationId: vaeksthus,
      reason: 'Vækstplan',
      consentOn: '2026-01-02',
    });
    if (firm === a) await server.call('referrals.setStatus', { id: r.id, status: 'sent', date: '2026-01-05' });
  }

  await page.goto(`${page.url().split('#')[0]}#/referrals`);
  await expect(page.getByRole('heading', { name: 'Henvisninger', level: 1 })).toBeVisible();
  const table = page.locator('.pipeline-table');
  await expect(table.getByRole('link', { name: 'Hedegårdens Æblemost' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Tømrer Bundgaard' })).toBeVisible();
  expect(await axeFindings(page)).toEqual([]);

  await page.getByLabel('Venter mere end (dage)').fill('14');
  await expect(table.getByRole('link', { name: 'Tømrer Bundgaard' })).toBeHidden();
  await expect(table.getByRole('link', { name: 'Hedegårdens Æblemost' })).toBeVisible();

  await page.getByLabel('Navn på visningen').fill('Venter på svar');
  await page.getByRole('button', { name: 'Gem visning…' }).click();
  await expect(page.getByText('Visningen «Venter på svar» er gemt')).toBeVisible();
  await page.getByRole('button', { name: 'Nulstil filtre' }).click();
  await expect(table.getByRole('link', { name: 'Tømrer Bundgaard' })).toBeVisible();
  await page.getByLabel('Gemte visninger').selectOption('Venter på svar');
  await expect(table.getByRole('link', { name: 'Tømrer Bundgaard' })).toBeHidden();
  await page.getByRole('button', { name: 'Nulstil filtre' }).click();

  await page.getByRole('button', { name: 'Tavle' }).click();
  const sentColumn = page.getByRole('region', { name: /^Sendt/ });
  const card = sentColumn.getByRole('article', { name: /Hedegårdens Æblemost/ });
  await card.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Hedegårdens Æblemost er flyttet til Modtaget')).toBeVisible();
  await expect(
    page.getByRole('region', { name: /^Modtaget/ }).getByRole('article', { name: /Hedegårdens/ }),
  ).toBeFocused();
  // A draft cannot be received before it is sent: the rules say no, and nothing changes.
  const draft = page.getByRole('region', { name: /^Kladde/ }).getByRole('article', { name: /Tømrer Bundgaard/ });
  await draft.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(draft).toBeVisible();
  expect(await axeFindings(page)).toEqual([]);

  const rows = await server.call<{ rows: Array<{ companyName: string; status: string }> }>('pipelines.referrals', {});
  expect(rows.rows.map((r) => [r.companyName, r.status]).sort()).toEqual([
    ['Hedegårdens Æblemost', 'received'],
    ['Tømrer Bundgaard', 'draft'],
  ]);
});

test('LAG applications across firms: a card moves from idea to drafting', async ({ app: page, server }) => {
  const [a] = await seed(server, [{ name: 'Skovbo Gårdbutik', kommuneCode: 710 }]);
  if (!a) throw new Error('seed');
  const orgs = await server.call<Array<{ id: number; name: string }>>('reference.organisations', {});
  await server.call('lag.create', {
    companyId: a.id,
    lagId: orgs.find((o) => o.name === 'LAG Randers-Favrskov')?.id,
    title: 'Gårdbutik med café',
  });
  await page.goto(`${page.url().split('#')[0]}#/lag`);
  await expect(page.locator('.pipeline-table').getByRole('cell', { name: 'Gårdbutik med café' })).toBeVisible();
  await page.getByRole('button', { name: 'Tavle' }).click();
  const card = page.getByRole('region', { name: /^Idé/ }).getByRole('article', { name: /Skovbo Gårdbutik/ });
  await card.getByRole('combobox').selectOption({ label: 'Flyt til Under udarbejdelse' });
  await expect(page.getByRole('region', { name: /^Under udarbejdelse/ }).getByRole('article')).toHaveCount(1);
  expect(await axeFindings(page)).toEqual([]);
});
