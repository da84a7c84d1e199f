import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { seed, validCvr } from './helpers';

test('an attachment is added by file choice and by drag and drop, opened, renamed and removed', async ({
  app: page,
  server,
  browser,
}) => {
  const [firm] = await seed(server, [
    { name: 'Bilagsgården ApS', cvr: validCvr(5101), postcode: '8370', city: 'Hadsten' },
  ]);
  if (!firm) throw new Error('seed');
  await page.goto(`${page.url().split('#')[0]}#/companies/${firm.id}/attachments`);
  const panel = page.getByRole('region', { name: 'Bilag', exact: true });
  await expect(panel).toContainText('Ingen bilag endnu.');
  const zone = page.getByTestId('attachments-drop-zone');
  await expect(zone).toContainText('Træk filer hertil for at vedhæfte dem');

  // The file dialog of a browser: the zone's button opens the file input.
  await zone.locator('input[type=file]').setInputFiles({
    name: 'Forretningsplan æøå.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 forretningsplan'),
  });
  const list = panel.getByRole('list', { name: 'Bilag', exact: true });
  await expect(list).toContainText('Forretningsplan æøå.pdf');

  // Drag and drop: a file dropped on the zone.
  const dropped = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['tilbud på kølerum'], 'Tilbud kølerum.pdf', { type: 'application/pdf' }));
    return dt;
  });
  await zone.dispatchEvent('drop', { dataTransfer: dropped });
  await expect(list).toContainText('Tilbud kølerum.pdf');
  await expect(list.getByRole('listitem')).toHaveCount(2);

  // Opening in browser mode downloads a copy under the attachment's own name.
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Åbn Forretningsplan æøå.pdf' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Forretningsplan æøå.pdf');
  expect(readFileSync(await download.path(), 'utf8')).toBe('%PDF-1.4 forretningsplan');

  await panel.getByRole('button', { name: 'Omdøb Tilbud kølerum.pdf' }).click();
  const rename = page.getByRole('dialog', { name: 'Omdøb bilag' });
  await rename.getByLabel('Nyt navn').fill('Tilbud fra VVS Jensen');
  await rename.getByRole('button', { name: 'Omdøb' }).click();
  await expect(list).toContainText('Tilbud fra VVS Jensen.pdf');

  await panel.getByRole('button', { name: 'Fjern Forretningsplan æøå.pdf' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Fjern' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).not.toContainText('Forretningsplan');

  const listed = await server.call<Array<{ name: string }>>('attachments.list', { companyId: firm.id });
  expect(listed.map((a) => a.name)).toEqual(['Tilbud fra VVS Jensen.pdf']);

  // The panel passes axe in a context of its own (the page's other parts have their own tests).
  const context = await browser.newContext();
  const axePage = await context.newPage();
  await axePage.goto(`${server.url}#/companies/${firm.id}/attachments`);
  await expect(axePage.getByTestId('attachments-drop-zone')).toBeVisible();
  const axe = await new AxeBuilder({ page: axePage }).include('.attachments').analyze();
  expect(
    axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`)),
  ).toEqual([]);
  await context.close();
});
