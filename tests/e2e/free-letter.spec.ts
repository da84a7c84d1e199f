import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { seed, seedNetwork, setLetterhead, validCvr } from './helpers';

test('a free letter is typed in its dialog, written on the letterhead and listed, by keyboard and axe-clean', async ({
  app: page,
  server,
}) => {
  await setLetterhead(server);
  const [firm] = await seed(server, [{ name: 'Kildegården ApS', cvr: validCvr(7100), postcode: '7400' }]);
  if (!firm) throw new Error('seed');
  await page.goto(`${page.url().split('#')[0]}#/companies/${firm.id}/documents`);

  await page.getByRole('button', { name: 'Dan Brev' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Dan Brev' });
  await expect(dialog.getByLabel('Modtager', { exact: true })).toBeVisible();
  await expect(dialog).toContainText('Tom: Kildegården ApS');

  // Nothing typed: the two fields say what they lack, and nothing is written.
  await dialog.getByRole('button', { name: 'Dan dokument', exact: true }).click();
  await expect(dialog.getByText('Brevet har intet emne')).toBeVisible();
  await expect(dialog.getByText('Brevet har ingen tekst')).toBeVisible();
  await expect(dialog.getByLabel('Emne')).toHaveAttribute('aria-invalid', 'true');

  const findings = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(
    findings.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`)),
  ).toEqual([]);

  await dialog.getByLabel('Modtager', { exact: true }).fill('Jens Kilde');
  await dialog.getByLabel('Emne').fill('Invitation til fødevaredag');
  await dialog.getByLabel('Tekst').fill('Kære Jens\n\nVi holder fødevaredag den 3. november.');
  await dialog.getByLabel('Tekst').press('Tab');
  await expect(dialog.getByRole('button', { name: 'Annuller' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Dan dokument', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Brev - Kildegården ApS - Invitation til fødevaredag - .*\.docx/).first()).toBeVisible();
  const row = page.getByRole('row', { name: /Invitation til fødevaredag/ });
  await expect(row.getByRole('button', { name: 'Åbn' })).toBeEnabled();
  // Its words are kept only in the file: there is no "make again".
  await expect(row.getByRole('button', { name: 'Dan igen' })).toHaveCount(0);
});

test("an invitation to a network meeting is written for every member from the network's page", async ({
  app: page,
  server,
}) => {
  const { firms } = await seedNetwork(server, 7120, { topic: 'fælles markedsføring' });

  await page.getByRole('link', { name: 'Netværk' }).click();
  await page.getByRole('button', { name: 'Fødevarenetværk Salling' }).click();
  const detail = page.getByRole('dialog', { name: 'Fødevarenetværk Salling' });
  await detail.getByRole('button', { name: 'Skriv invitation til medlemmerne…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invitation til netværksmøde' });
  await expect(dialog).toContainText('Et brev til hvert af netværkets 2 medlemmer');
  await expect(dialog.getByLabel('Emne')).toHaveValue('Invitation til netværksmøde i Fødevarenetværk Salling');
  await expect(dialog.getByLabel('Tekst')).toHaveValue(
    /3\. november 2099 i Spøttrup Borg\. Emnet er fælles markedsføring\./,
  );
  const findings = await new AxeBuilder({ page }).include('dialog[open]').analyze();
  expect(
    findings.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`)),
  ).toEqual([]);
  await dialog.getByRole('button', { name: /^Dan 2/ }).click();
  await expect(dialog.getByRole('status')).toContainText('2 breve er skrevet.');
  await dialog.getByRole('button', { name: 'Luk' }).click();
  const docs = await server.call<Array<{ kind: string; fileName: string }>>('documents.list', {
    companyId: firms[0]?.id ?? 0,
  });
  expect(docs.map((d) => d.kind)).toEqual(['brev']);
});

test('an introduction to a knowledge institution starts from the knowledge contact, with its words to change', async ({
  app: page,
  server,
}) => {
  await setLetterhead(server);
  const [firm] = await seed(server, [{ name: 'Hjerl Hede Most ApS', cvr: validCvr(7160) }]);
  if (!firm) throw new Error('seed');
  const orgs = await server.call<Array<{ id: number; name: string }>>('reference.organisations', {});
  await server.call('knowledge.create', {
    companyId: firm.id,
    organisationId: orgs.find((o) => o.name === 'Aarhus Universitet, AU Foulum')?.id,
    personName: 'Lektor Jens Bæk',
    type: 'researcher',
    contactOn: '2011-09-20',
    topic: 'holdbarhed af most',
  });
  await page.goto(`${page.url().split('#')[0]}#/companies/${firm.id}/referrals`);
  await page.getByRole('button', { name: 'Skriv introduktion…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dan Brev' });
  await expect(dialog.getByLabel('Modtager', { exact: true })).toHaveValue('Aarhus Universitet, AU Foulum');
  await expect(dialog.getByLabel('Emne')).toHaveValue('Introduktion af Hjerl Hede Most ApS');
  await expect(dialog.getByLabel('Tekst')).toHaveValue(/Kære Lektor Jens Bæk[\s\S]*holdbarhed af most/);
  await dialog.getByRole('button', { name: 'Dan dokument', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText(/Brev - Hjerl Hede Most ApS - Introduktion af Hjerl Hede Most ApS/).first(),
  ).toBeVisible();
});
