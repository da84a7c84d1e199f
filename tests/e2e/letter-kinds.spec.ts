import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { Document, Packer, Paragraph } from 'docx';
import { expect, test } from './fixtures';
import { seed, seedNetwork, setLetterhead, validCvr } from './helpers';

/** A .docx as Word saves it, one paragraph per line. */
async function docx(lines: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] }));
}

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function seriousFindings(page: Page, include: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(include).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`));
}

test("a consultant's own letter kind is added in Settings, refused with what is wrong, and made from the firm's documents", async ({
  app: page,
  server,
}) => {
  await setLetterhead(server);
  const [firm] = await seed(server, [{ name: 'Kildegården ApS', cvr: validCvr(7300), postcode: '7400' }]);
  if (!firm) throw new Error('seed');
  const base = page.url().split('#')[0];
  await page.goto(`${base}#/settings`);

  const section = page.getByTestId('letter-kinds');
  await expect(section.getByRole('heading', { name: 'Egne brevtyper' })).toBeVisible();
  await expect(section.getByText('Ingen egne brevtyper endnu.')).toBeVisible();
  // The fields a template may use, by name and with an example, for what the letter is about.
  const fields = section.getByTestId('letter-kind-fields');
  await expect(
    fields.getByRole('row', { name: /\{\{company_name\}\} Virksomhedens navn Ådalens Gårdbutik ApS/ }),
  ).toBeVisible();
  await section.getByLabel('Felter når brevet handler om').selectOption('network');
  await expect(fields.getByRole('row', { name: /\{\{network_name\}\} Netværkets navn/ })).toBeVisible();
  expect(await seriousFindings(page, '[data-testid="letter-kinds"]')).toEqual([]);

  await section.getByRole('button', { name: 'Tilføj brevtype …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tilføj brevtype' });
  await dialog.getByLabel('Navn').fill('Tilbud om mentorforløb');
  await dialog.getByLabel('Brevet handler om').selectOption('company');
  // A template with a field Bindeled cannot fill is refused in the dialog, naming the field.
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'Forkert.docx',
    mimeType: WORD,
    buffer: await docx(['Kære {{contact_name}}', '{{firmanavn}}']),
  });
  await dialog.getByRole('button', { name: 'Gem brevtype' }).click();
  await expect(dialog.getByRole('alert')).toContainText('{{firmanavn}}');
  await expect(dialog.getByRole('alert')).toContainText('Intet er gemt');
  expect(await seriousFindings(page, 'dialog')).toEqual([]);

  await dialog.locator('input[type=file]').setInputFiles({
    name: 'Mentortilbud.docx',
    mimeType: WORD,
    buffer: await docx(['{{org_name}}', 'Kære {{contact_name}}', 'Tilbud til {{company_name}}', '{{signature_name}}']),
  });
  await dialog.getByRole('button', { name: 'Gem brevtype' }).click();
  await expect(dialog).toBeHidden();
  const row = section.getByRole('row', { name: /Tilbud om mentorforløb/ });
  await expect(row).toContainText('Virksomheden');
  await expect(row).toContainText('Mentortilbud.docx');

  // Beside the built-in kinds on the firm's documents, with the same preflight and writing.
  await page.goto(`${base}#/companies/${firm.id}/documents`);
  await page.getByRole('button', { name: 'Dan Tilbud om mentorforløb' }).click();
  const make = page.getByRole('dialog', { name: 'Dan Tilbud om mentorforløb' });
  await make.getByRole('button', { name: 'Dan dokument', exact: true }).click();
  await expect(make).toBeHidden();
  const written = page.getByRole('row', { name: /Tilbud om mentorforløb - Kildegården ApS - .*\.docx/ });
  await expect(written).toBeVisible();
  await expect(written.getByRole('cell', { name: 'Tilbud om mentorforløb', exact: true })).toBeVisible();

  // Removed once a letter was made of it: gone from the menus, the letter keeps its name.
  await page.goto(`${base}#/settings`);
  await section
    .getByRole('row', { name: /Tilbud om mentorforløb/ })
    .getByRole('button', { name: 'Fjern' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Fjern' }).click();
  await expect(section.getByText('Ingen egne brevtyper endnu.')).toBeVisible();
  await page.goto(`${base}#/companies/${firm.id}/documents`);
  await expect(page.getByRole('button', { name: 'Dan Tilbud om mentorforløb' })).toHaveCount(0);
  await expect(page.getByRole('cell', { name: 'Tilbud om mentorforløb', exact: true })).toBeVisible();
});

test("a kind about a network is written from the network's page, one letter to each member", async ({
  app: page,
  server,
}) => {
  const { firms } = await seedNetwork(server, 7320);
  const template = await docx([
    'Kære {{contact_name}}',
    '{{network_name}} mødes {{meeting_date}} på {{meeting_place}}.',
  ]);
  await server.call('letterKinds.add', {
    name: 'Referat til netværket',
    subject: 'network',
    template: { base64: template.toString('base64'), fileName: 'Netværk.docx' },
  });

  await page.getByRole('link', { name: 'Netværk' }).click();
  await page.getByRole('button', { name: 'Fødevarenetværk Salling' }).click();
  const detail = page.getByRole('dialog', { name: 'Fødevarenetværk Salling' });
  await detail.getByRole('button', { name: 'Skriv Referat til netværket til medlemmerne' }).click();
  const dialog = page.getByRole('dialog', { name: 'Skriv Referat til netværket til medlemmerne' });
  await expect(dialog).toContainText('2 kan dannes.');
  expect(await seriousFindings(page, 'dialog[open]')).toEqual([]);
  await dialog.getByRole('button', { name: /^Dan 2/ }).click();
  await expect(dialog.getByRole('status')).toContainText('2 breve er skrevet.');
  const docs = await server.call<Array<{ kindName: string; fileName: string }>>('documents.list', {
    companyId: firms[0]?.id ?? 0,
  });
  expect(docs.map((d) => [d.kindName, d.fileName.replace(/ - \d{4}-\d\d-\d\d\.docx$/, '')])).toEqual([
    ['Referat til netværket', 'Referat til netværket - Sallingsund Is ApS'],
  ]);
});
