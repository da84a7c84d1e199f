import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { type BindeledServer, expect, test } from './fixtures';

/** The hand-written System-til-System extract the integration tests read (four firms, one protected, one ceased). */
const EXTRACT = readFileSync(path.resolve(import.meta.dirname, '..', 'fixtures', 'import', 'cvr-extract.jsonl'));

type Doc = { Vrvirksomhed: Record<string, unknown> & { virksomhedMetadata: Record<string, unknown> } };
const docs = (): Doc[] =>
  EXTRACT.toString('utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Doc);
const jsonl = (list: Doc[]) => Buffer.from(`${list.map((d) => JSON.stringify(d)).join('\n')}\n`);

async function openImport(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Importér' }).click();
  await expect(page.getByRole('heading', { name: 'Importér virksomheder' })).toBeVisible();
}

async function choose(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByLabel('Fil der skal importeres').setInputFiles({ name, mimeType: 'application/json', buffer });
  await expect(page.getByTestId('import-format')).toHaveText('CVR-udtræk (System-til-System)');
}

async function firmOf(server: BindeledServer, cvr: string) {
  const found = await server.call<{ rows: Array<{ id: number; name: string }> }>('companies.list', {
    search: cvr,
    limit: 2,
  });
  return found.rows[0];
}

async function openFirm(page: Page, id: number): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}#/companies/${id}`);
}

/** The extract imported, through the API as the CLI would, for a test that needs its firms there. */
async function ensureImported(server: BindeledServer): Promise<void> {
  if (await firmOf(server, '34789126')) return;
  const res = await fetch(`${server.origin}/api/upload?name=cvr.jsonl`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-Bindeled-Token': server.token },
    body: EXTRACT,
  });
  const { path: uploaded } = (await res.json()) as { path: string };
  const report = await server.call<{ fingerprint: string }>('interop.preview', { path: uploaded });
  await server.call('interop.import', { path: uploaded, fingerprint: report.fingerprint });
}

test('a CVR extract through the wizard: new firms, a refresh that keeps or takes a corrected field, ceased flagged', async ({
  app: page,
  server,
}) => {
  // New firms: four added, the protected and the ceased one marked.
  await openImport(page);
  await choose(page, 'cvr-udtraek.jsonl', EXTRACT);
  await expect(page.getByLabel('Egne rettelser')).toHaveValue('local');
  await expect(page.getByRole('button', { name: 'Videre til kolonner' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Se rapport' }).click();
  await expect(page.getByTestId('count-add')).toContainText('4');
  await page.getByRole('button', { name: 'Importér 4 rækker' }).click();
  await expect(page.getByRole('heading', { name: 'Importen er gemt' })).toBeVisible();

  const herning = await firmOf(server, '34789126');
  const horsens = await firmOf(server, '25612345');
  const havn = await firmOf(server, '31204569');
  if (!(herning && horsens && havn)) throw new Error('the extract was not imported');
  await openFirm(page, herning.id);
  await expect(page.getByRole('heading', { level: 1, name: 'Herning Maskinværksted A/S' })).toBeVisible();
  await expect(page.locator('.company-head-side')).toContainText('Reklamebeskyttet');
  await openFirm(page, horsens.id);
  await expect(page.getByRole('heading', { level: 1, name: 'Horsens Cykler v/Jens Holm' })).toBeVisible();
  await expect(page.locator('.company-head-side')).toContainText('Ophørt');

  // The consultant corrects the name; the register then renames the firm and moves it, and the
  // machine works ceases.
  await server.call('companies.update', { id: havn.id, changes: { name: 'Havnens Fiskerøgeri' } });
  const changed = docs();
  const first = changed[0]?.Vrvirksomhed;
  const second = changed[1]?.Vrvirksomhed;
  if (!(first && second)) throw new Error('fixture has four firms');
  first.virksomhedMetadata.nyesteNavn = { navn: 'Havnens Røgeri ApS' };
  first.virksomhedMetadata.nyesteBeliggenhedsadresse = {
    ...(first.virksomhedMetadata.nyesteBeliggenhedsadresse as object),
    vejnavn: 'Kajen',
    husnummerFra: 2,
    etage: null,
    sidedoer: null,
  };
  second.virksomhedMetadata.sammensatStatus = 'Ophørt';
  second.livsforloeb = [{ periode: { gyldigFra: '2012-08-15', gyldigTil: '2026-10-31' } }];
  const refresh = jsonl(changed);

  // Keep own corrections: the name stays, the address follows the register.
  await page.goto(`${page.url().split('#')[0]}#/import`);
  await choose(page, 'opdatering.jsonl', refresh);
  await page.getByRole('button', { name: 'Se rapport' }).click();
  await expect(page.getByTestId('count-update')).toContainText('2');
  await page.getByText('Forhåndsvisning').click();
  const row = page.locator('.interop-preview tbody tr').filter({ hasText: '31204569' });
  await expect(row).toContainText('name: Havnens Fiskerøgeri beholdes (CVR: Havnens Røgeri ApS)');
  await expect(row).toContainText('address: Havnegade 12, 1. tv → Kajen 2');
  await page.getByRole('button', { name: 'Importér 2 rækker' }).click();
  await expect(page.getByRole('heading', { name: 'Importen er gemt' })).toBeVisible();
  expect(await server.call('companies.get', { id: havn.id })).toMatchObject({
    name: 'Havnens Fiskerøgeri',
    address: 'Kajen 2',
  });
  await openFirm(page, herning.id);
  await expect(page.locator('.company-head-side')).toContainText('Ophørt');

  // Take the register's values: the corrected name gives way.
  await page.goto(`${page.url().split('#')[0]}#/import`);
  await choose(page, 'opdatering.jsonl', refresh);
  await page.getByLabel('Egne rettelser').selectOption('register');
  await page.getByRole('button', { name: 'Se rapport' }).click();
  await page.getByText('Forhåndsvisning').click();
  await expect(page.locator('.interop-preview tbody tr').filter({ hasText: '31204569' })).toContainText(
    'name: Havnens Fiskerøgeri → Havnens Røgeri ApS',
  );
  await page.getByRole('button', { name: 'Importér 1 række' }).click();
  await expect(page.getByRole('heading', { name: 'Importen er gemt' })).toBeVisible();
  expect((await firmOf(server, '31204569'))?.name).toBe('Havnens Røgeri ApS');
});

test('a campaign list leaves protected firms out unless "Medtag reklamebeskyttede virksomheder" is ticked', async ({
  app: page,
  server,
}) => {
  await ensureImported(server);
  await page.goto(`${page.url().split('#')[0]}#/companies`);
  await expect(page.locator('.row-count')).toContainText('virksomhed');

  const exportCsv = async (include: boolean) => {
    await page.getByRole('button', { name: 'Eksportér' }).click();
    await page.getByRole('button', { name: 'CSV til Excel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Eksportér: CSV til Excel' });
    await dialog.getByRole('radio', { name: 'Alle virksomheder' }).check();
    const box = dialog.getByRole('checkbox', { name: 'Medtag reklamebeskyttede virksomheder' });
    await expect(box).not.toBeChecked();
    await expect(dialog.getByTestId('export-protected-note')).toHaveText(
      '1 reklamebeskyttet virksomhed udelades: den har frabedt sig reklamer i CVR. Sæt flueben for at tage den med.',
    );
    if (include) {
      await box.check();
      await expect(dialog.getByTestId('export-protected-note')).toContainText(
        '1 reklamebeskyttet virksomhed kommer med',
      );
    } else {
      const axe = await new AxeBuilder({ page }).include('dialog').analyze();
      expect(
        axe.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
      ).toEqual([]);
    }
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Eksportér' }).click();
    const text = readFileSync(await (await downloading).path(), 'utf8');
    if (include) await expect(dialog.getByTestId('export-left-out')).toHaveCount(0);
    else await expect(dialog.getByTestId('export-left-out')).toHaveText('1 reklamebeskyttet virksomhed er udeladt.');
    await dialog.getByRole('button', { name: 'Luk' }).click();
    return text;
  };

  const campaign = await exportCsv(false);
  expect(campaign).not.toContain('Herning Maskinværksted');
  expect(campaign).toContain('Horsens Cykler');
  const everyone = await exportCsv(true);
  expect(everyone).toContain('Herning Maskinværksted');
});
