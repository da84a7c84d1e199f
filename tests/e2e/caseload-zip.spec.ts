import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { validCvr } from './helpers';
import { type BindeledServer, startServer } from './server-process';

const PLAN = Buffer.from('%PDF-1.4 forretningsplan for gårdbutikken æøå');
const QUOTE = Buffer.from('tilbud på kølerum '.repeat(200));

/** A caseload with two attachments, exported with its files by another Bindeled (its own database). */
async function exportedWithFiles(): Promise<{ zip: Buffer; dir: string; planSha: string; stop(): Promise<void> }> {
  const source: BindeledServer = await startServer();
  try {
    const firm = await source.call<{ id: number }>('companies.create', {
      name: 'Gårdbutikken ved Åen ApS',
      cvr: validCvr(5301),
      postcode: '8370',
      city: 'Hadsten',
    });
    const plan = await source.call<{ sha256: string }>('attachments.addBytes', {
      companyId: firm.id,
      name: 'Forretningsplan.pdf',
      base64: PLAN.toString('base64'),
    });
    await source.call('attachments.addBytes', {
      companyId: firm.id,
      name: 'Tilbud kølerum.pdf',
      base64: QUOTE.toString('base64'),
    });
    const target = await source.call<{ path: string }>('files.chooseSave', {
      title: 'zip',
      defaultName: 'med-filer.zip',
      filters: [],
    });
    const written = await source.call<{ path: string; files: number }>('interop.exportWithFiles', {
      path: target.path,
    });
    expect(written.files).toBe(2);
    return {
      zip: readFileSync(written.path),
      dir: path.dirname(written.path),
      planSha: plan.sha256,
      stop: () => source.stop(),
    };
  } catch (err) {
    await source.stop();
    throw err;
  }
}

async function openImport(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Importér' }).click();
  await expect(page.getByRole('heading', { name: 'Importér virksomheder' })).toBeVisible();
}

async function chooseZip(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByLabel('Fil der skal importeres').setInputFiles({ name, mimeType: 'application/zip', buffer });
}

test('a caseload file with files is imported through the wizard into an empty database, every file with it', async ({
  app: page,
  server,
}) => {
  const source = await exportedWithFiles();
  try {
    await openImport(page);
    await chooseZip(page, 'sagsfil med filer.zip', source.zip);

    await expect(page.getByTestId('import-format')).toHaveText('Sagsfil med filer (Bindeled, .zip)');
    await expect(page.getByTestId('import-files')).toHaveText(/^2 bilagsfiler \(/);
    // The wizard's step 1 passes axe with the zip's facts on it.
    const axe = await new AxeBuilder({ page }).include('.page-import').analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
    ).toEqual([]);

    await page.getByRole('button', { name: 'Se rapport' }).click();
    await expect(page.getByTestId('count-add')).toContainText('3');
    await page.getByRole('button', { name: 'Importér 3 rækker' }).click();
    await expect(page.getByRole('heading', { name: 'Importen er gemt' })).toBeVisible();

    const found = await server.call<{ rows: Array<{ id: number; name: string }> }>('companies.list', {
      search: 'Gårdbutikken ved Åen',
      limit: 5,
    });
    const firm = found.rows[0];
    if (!firm) throw new Error('the firm was not imported');
    await page.goto(`${page.url().split('#')[0]}#/companies/${firm.id}/attachments`);
    const list = page.getByRole('region', { name: 'Bilag', exact: true }).getByRole('list', { name: 'Bilag' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list).toContainText('Forretningsplan.pdf');
    await expect(list).toContainText('Tilbud kølerum.pdf');
    await expect(list).not.toContainText('findes ikke');

    // The file opened from the imported caseload is the very file exported.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Åbn Forretningsplan.pdf' }).click();
    expect(readFileSync(await (await downloading).path())).toEqual(PLAN);
  } finally {
    await source.stop();
  }
});

test('a zip whose file is not the one exported is refused, naming the file inside the zip, and nothing is written', async ({
  app: page,
  server,
}) => {
  const source = await exportedWithFiles();
  try {
    const good = path.join(source.dir, 'god.zip');
    const bad = path.join(source.dir, 'rettet.zip');
    execFileSync('/usr/bin/python3', [
      '-c',
      'import sys,zipfile\nopen(sys.argv[1],"wb").write(bytes.fromhex(sys.argv[3]))\nsrc=zipfile.ZipFile(sys.argv[1])\nout=zipfile.ZipFile(sys.argv[2],"w")\nfor n in src.namelist():\n  out.writestr(n, b"noget andet" if n.endswith(sys.argv[4]) else src.read(n))\nout.close()',
      good,
      bad,
      source.zip.toString('hex'),
      source.planSha,
    ]);
    const count = async () =>
      (await server.call<{ total: number }>('companies.list', { search: 'Gårdbutikken', limit: 1 })).total;
    const before = await count();
    await openImport(page);
    await chooseZip(page, 'rettet.zip', readFileSync(bad));
    await page.getByRole('button', { name: 'Se rapport' }).click();
    const refusal = page.getByTestId('import-refusal');
    await expect(refusal).toContainText('rettet.zip kan ikke importeres');
    await expect(refusal).toContainText(
      `Bilaget Forretningsplan.pdf (attachments[0]) i zip-filen rettet.zip er ikke den fil, der blev eksporteret: kontrolsummen af files/${source.planSha} passer ikke`,
    );
    expect(await count()).toBe(before);
  } finally {
    await source.stop();
  }
});
