import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
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

test('an attachment whose file vanished from disk shows as missing, the list still works, and "Find igen" brings it back', async ({
  app: page,
  server,
}) => {
  const [firm] = await seed(server, [{ name: 'Forsvundne Filer ApS', cvr: validCvr(5201), postcode: '8600' }]);
  if (!firm) throw new Error('seed');
  const plan = Buffer.from('%PDF-1.4 planen der forsvandt');
  const gone = await server.call<{ sha256: string }>('attachments.addBytes', {
    companyId: firm.id,
    name: 'Planen.pdf',
    base64: plan.toString('base64'),
  });
  await server.call('attachments.addBytes', {
    companyId: firm.id,
    name: 'Tilbud.pdf',
    base64: Buffer.from('tilbud').toString('base64'),
  });
  // Removed behind Bindeled's back, as a sync tool or a clean-up might.
  rmSync(path.join(path.dirname(server.dbPath), 'attachments', gone.sha256.slice(0, 2), gone.sha256));

  await page.goto(`${page.url().split('#')[0]}#/companies/${firm.id}/attachments`);
  const list = page.getByRole('region', { name: 'Bilag', exact: true }).getByRole('list', { name: 'Bilag' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  const missing = list.getByRole('listitem').filter({ hasText: 'Planen.pdf' });
  await expect(missing).toContainText('Mangler på disken');
  await expect(missing.getByRole('button', { name: 'Åbn Planen.pdf' })).toHaveCount(0);
  // The other attachment is untouched and still opens.
  const other = list.getByRole('listitem').filter({ hasText: 'Tilbud.pdf' });
  await expect(other).not.toContainText('Mangler på disken');
  await expect(other.getByRole('button', { name: 'Åbn Tilbud.pdf' })).toBeEnabled();

  const choosing = page.waitForEvent('filechooser');
  await missing.getByRole('button', { name: 'Find Planen.pdf igen' }).click();
  await (await choosing).setFiles({ name: 'Planen (fundet).pdf', mimeType: 'application/pdf', buffer: plan });
  await expect(missing).not.toContainText('Mangler på disken');
  const downloading = page.waitForEvent('download');
  await missing.getByRole('button', { name: 'Åbn Planen.pdf' }).click();
  expect(readFileSync(await (await downloading).path())).toEqual(plan);
});
