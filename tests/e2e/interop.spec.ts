import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { grid, rowNames, search, seed } from './helpers';

const CRLF = '\r\n';
const csv = (...lines: string[]) => Buffer.from(lines.join(CRLF) + CRLF, 'utf8');

/** Browser mode: the wizard's file input uploads the file; Playwright hands it a file from memory. */
async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByLabel('Fil der skal importeres').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

async function openImport(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Importér' }).click();
  await expect(page.getByRole('heading', { name: 'Importér virksomheder' })).toBeVisible();
}

async function countNamed(server: { call<T>(m: string, i: unknown): Promise<T> }, text: string): Promise<number> {
  return (await server.call<{ total: number }>('companies.list', { search: text, limit: 1 })).total;
}

test('a CSV with bad rows: every error row with its line and reason, and nothing is written', async ({
  app: page,
  server,
}) => {
  await openImport(page);
  await chooseFile(
    page,
    'kunder med fejl.csv',
    csv(
      'Navn;CVR-nummer;Postnummer;By;Antal ansatte',
      'Fejlfri Bageri ApS;31000009;7400;Herning;4',
      'Forkert CVR ApS;12345678;7400;Herning;2',
      ';31000017;7400;Herning;1',
      'Dublet Smedje A/S;31000009;7400;Herning;3',
      'Ansatte Tekst ApS;31000025;7400;Herning;mange',
    ),
  );

  // Step 1: what was detected, changeable.
  await expect(page.getByText('kunder med fejl.csv', { exact: false }).first()).toBeVisible();
  await expect(page.getByLabel('Tegnsæt')).toHaveValue('utf-8');
  await expect(page.getByLabel('Skilletegn')).toHaveValue(';');
  await page.getByRole('button', { name: 'Videre til kolonner' }).click();

  // Step 2: the Danish headers are guessed.
  await expect(page.getByTestId('mapping-source')).toContainText('gættet');
  await expect(page.getByLabel('Felt for kolonnen Navn')).toHaveValue('name');
  await expect(page.getByLabel('Felt for kolonnen CVR-nummer')).toHaveValue('cvr');
  await page.getByRole('button', { name: 'Se rapport' }).click();

  // Step 3: counts, the all-or-nothing refusal and every bad line with its reason.
  await expect(page.getByTestId('count-add')).toContainText('1');
  await expect(page.getByTestId('count-invalid')).toContainText('3');
  await expect(page.getByTestId('count-duplicate')).toContainText('1');
  await expect(page.getByTestId('import-blocked')).toContainText('intet bliver gemt');
  const issues = page.getByRole('table', { name: 'Rækker med fejl' });
  const rows = issues.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText('3');
  await expect(rows.nth(0)).toContainText('12345678');
  await expect(rows.nth(0)).toContainText('kontrolcifferet passer ikke');
  await expect(rows.nth(1)).toContainText('Skal udfyldes');
  await expect(rows.nth(2)).toContainText('står også i linje 2');
  await expect(rows.nth(3)).toContainText('mange');
  await expect(rows.nth(3)).toContainText('helt tal');
  await expect(rows.locator('td:first-child')).toHaveText(['3', '4', '5', '6']);

  // The table filters by kind and by text.
  await page.getByLabel('Slags').selectOption('duplicate');
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Slags').selectOption('all');
  await page.getByLabel('Filtrér fejl').fill('ansatte');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('td').first()).toHaveText('6');

  // Confirm is blocked while anything is invalid, and nothing reached the database.
  await expect(page.getByRole('button', { name: 'Importér 1 række' })).toBeDisabled();
  expect(await countNamed(server, 'Fejlfri Bageri')).toBe(0);
});

test('a file that cannot be read is refused with its name and the reason', async ({ app: page }) => {
  await openImport(page);
  await chooseFile(page, 'citat.csv', csv('Navn;By', 'Lukket "Firma;Herning', '"Åbent citat;Skive', 'Sidst;Viborg'));
  const refusal = page.getByTestId('import-refusal');
  await expect(refusal).toContainText('citat.csv kan ikke importeres');
  await expect(refusal).toContainText('citationstegn');
  // The message names the file the consultant chose, not the uploaded copy.
  await expect(refusal).not.toContainText('-citat.csv');
});

test('a good file is imported as a job and its companies appear in the caseload', async ({ app: page, server }) => {
  await openImport(page);
  await chooseFile(
    page,
    'nye kunder.csv',
    csv(
      'Firmanavn;CVR-nr.;Postnr.;By;Indehaver',
      'Importeret Gartneri ApS;31000033;7800;Skive;Anne Holm',
      'Importeret Maskinstation I/S;31000041;7800;Skive;Bo Vad',
      '"Importeret Café; Bistro";31000068;7800;Skive;Carla Dam',
    ),
  );
  await page.getByRole('button', { name: 'Videre til kolonner' }).click();
  await expect(page.getByLabel('Felt for kolonnen Firmanavn')).toHaveValue('name');
  await page.getByRole('button', { name: 'Se rapport' }).click();
  await expect(page.getByTestId('count-add')).toContainText('3');
  await expect(page.getByRole('status').filter({ hasText: 'Ingen fejl' })).toBeVisible();
  await page.getByRole('button', { name: 'Importér 3 rækker' }).click();

  await expect(page.getByRole('heading', { name: 'Importen er gemt' })).toBeVisible();
  await expect(page.getByText('3 nye, 0 opdateret')).toBeVisible();

  await page.getByRole('link', { name: 'Se virksomhederne i sagsporteføljen' }).click();
  await search(page, 'Importeret');
  await expect(rowNames(page)).toHaveText([
    'Importeret Café; Bistro',
    'Importeret Gartneri ApS',
    'Importeret Maskinstation I/S',
  ]);
  await expect(grid(page).getByRole('row', { name: /Importeret Gartneri/ })).toContainText('31000033');
  expect(await countNamed(server, 'Importeret')).toBe(3);

  // A file with the same headers next time: the column choice is remembered and said so.
  await openImport(page);
  await chooseFile(
    page,
    'flere kunder.csv',
    csv('Firmanavn;CVR-nr.;Postnr.;By;Indehaver', 'Husket Firma ApS;;7800;Skive;Dan'),
  );
  await page.getByRole('button', { name: 'Videre til kolonner' }).click();
  await expect(page.getByTestId('mapping-source')).toContainText('husket');
});

test('CSV export of the filtered, sorted table downloads a Danish-Excel file with only those rows', async ({
  app: page,
  server,
}) => {
  await seed(server, [
    { name: 'Eksport Bryggeri', cvr: '31000076', employees: 9 },
    { name: 'Eksport Andelsmejeri', employees: 40 },
    { name: 'Eksport Cykler', employees: 2 },
    { name: 'Andet Firma Udenfor', employees: 1 },
  ]);
  await search(page, 'Eksport');
  await expect(page.locator('.row-count')).toHaveText('3 virksomheder');
  await grid(page).getByRole('button', { name: 'Ansatte' }).click();
  await expect(rowNames(page)).toHaveText(['Eksport Cykler', 'Eksport Bryggeri', 'Eksport Andelsmejeri']);

  await page.getByRole('button', { name: 'Eksportér' }).click();
  await page.getByRole('button', { name: 'CSV til Excel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Eksportér: CSV til Excel' });
  await expect(dialog.getByLabel('Tabellen som den er filtreret og sorteret')).toBeChecked();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Eksportér' }).click();
  const download = await downloading;
  await expect(dialog.getByText('3 virksomheder er eksporteret til:')).toBeVisible();
  await expect(dialog.getByTestId('export-path')).toContainText('.csv');
  expect(download.suggestedFilename()).toMatch(/^sagsportefoelje-\d{4}-\d{2}-\d{2}.*\.csv$/);

  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  const lines = text.split(CRLF).filter((l) => l !== '');
  expect(text).toContain(CRLF);
  expect(lines).toHaveLength(4);
  expect(lines[0]).toContain(';');
  const header = (lines[0] ?? '').split(';');
  const nameAt = header.findIndex((h) => /^navn$/i.test(h));
  expect(nameAt).toBeGreaterThanOrEqual(0);
  expect(lines.slice(1).map((l) => l.split(';')[nameAt])).toEqual([
    'Eksport Cykler',
    'Eksport Bryggeri',
    'Eksport Andelsmejeri',
  ]);
  expect(text).not.toContain('Andet Firma');
  expect(text).toContain('31000076');
});

test('opting to skip the bad rows imports only the valid ones', async ({ app: page, server }) => {
  await openImport(page);
  await chooseFile(
    page,
    'delvis.csv',
    csv('Navn;CVR', 'Spring Gyldig ApS;31000084', 'Spring Ugyldig ApS;87654321', 'Spring Også Gyldig ApS;'),
  );
  await page.getByRole('button', { name: 'Videre til kolonner' }).click();
  await page.getByRole('button', { name: 'Se rapport' }).click();
  const confirm = page.getByRole('button', { name: 'Importér 2 rækker' });
  await expect(confirm).toBeDisabled();
  await page.getByLabel('Importér kun de gyldige rækker og spring 1 over').check();
  await confirm.click();
  await expect(page.getByText('2 nye, 0 opdateret, 0 uændret, 1 sprunget over.')).toBeVisible();
  expect(await countNamed(server, 'Spring')).toBe(2);
  expect(await countNamed(server, 'Ugyldig')).toBe(0);
});

test('XLSX export of everything downloads a workbook Excel can read', async ({ app: page, server }) => {
  await seed(server, [{ name: 'Regneark Tømrer', cvr: '31000092', employees: 5 }]);
  await page.getByRole('button', { name: 'Eksportér' }).click();
  await page.getByRole('button', { name: 'Excel-regneark (.xlsx)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Eksportér: Excel-regneark (.xlsx)' });
  await dialog.getByLabel('Alle virksomheder').check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Eksportér' }).click();
  const download = await downloading;
  await expect(dialog.getByTestId('export-path')).toContainText('.xlsx');

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0];
  expect(sheet).toBeDefined();
  const values: string[] = [];
  sheet?.eachRow((row) => {
    row.eachCell((cell) => {
      values.push(String(cell.value));
    });
  });
  expect(values).toContain('Regneark Tømrer');
  expect(values).toContain('31000092');
});

/** Valid CVR numbers from a start, so a large file has no duplicates. */
function cvrs(from: number, count: number): string[] {
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  const out: string[] = [];
  for (let n = from; out.length < count; n++) {
    const d = String(n);
    if ([...d].reduce((s, c, i) => s + Number(c) * (weights[i] ?? 0), 0) % 11 === 0) out.push(d);
  }
  return out;
}

test('cancelling a running import leaves the database as it was', async ({ app: page, server }) => {
  test.setTimeout(120_000);
  const lines = cvrs(50_000_000, 40_000).map((cvr, i) => `Afbrudt Firma ${i} ApS;${cvr};7400;Herning`);
  await openImport(page);
  await chooseFile(page, 'stor.csv', csv('Navn;CVR;Postnummer;By', ...lines));
  await page.getByRole('button', { name: 'Videre til kolonner' }).click();
  await page.getByRole('button', { name: 'Se rapport' }).click();
  await expect(page.getByTestId('count-add')).toContainText('40.000', { timeout: 60_000 });

  // Right after its preview an import writes the rows the preview checked, and the write itself
  // cannot be interrupted. A firm stored meanwhile makes it check the file again: that it can cancel.
  await server.call('companies.create', { name: 'Gemt imens ApS' });
  await page.getByRole('button', { name: 'Importér 40.000 rækker' }).click();
  // The job shows a bar and a Cancel button while it runs; cancelling writes nothing.
  await expect(page.locator('.job-progress progress')).toBeVisible();
  await page.locator('.job-progress').getByRole('button', { name: 'Annuller' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Importen er annulleret. Intet er gemt.' })).toBeVisible({
    timeout: 30_000,
  });
  expect(await countNamed(server, 'Afbrudt')).toBe(0);
  // The report stays, so the consultant can start the import again.
  await expect(page.getByRole('button', { name: 'Importér 40.000 rækker' })).toBeEnabled();
});
