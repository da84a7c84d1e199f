import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { filters, rowNames, seed, validCvr } from './helpers';

test('tags are put on a firm by keyboard, filter the caseload, go on many firms at once and are renamed in Settings', async ({
  app: page,
  server,
}) => {
  const [farm, fish, brewery] = await seed(server, [
    { name: 'Bøgely Gård', cvr: validCvr(6100) },
    { name: 'Fjordens Fisk', cvr: validCvr(6120) },
    { name: 'Hedens Bryghus', cvr: validCvr(6140) },
  ]);
  if (!farm || !fish || !brewery) throw new Error('seed');
  const base = page.url().split('#')[0];

  // On the firm's Overblik: typed and added with Enter, then one removed by its button.
  await page.goto(`${base}#/companies/${farm.id}`);
  const card = page.getByRole('region', { name: 'Tags' });
  await expect(card).toContainText('Ingen tags');
  const input = card.getByLabel('Tilføj tag');
  await input.fill('Fødevarer');
  await input.press('Enter');
  await expect(card.getByRole('list', { name: 'Tags' })).toContainText('Fødevarer');
  await input.fill('Generationsskifte 2027');
  await input.press('Enter');
  await expect(card.getByRole('listitem')).toHaveCount(2);
  await expect(input).toBeFocused();
  await card.getByRole('button', { name: 'Fjern tagget Generationsskifte 2027' }).click();
  await expect(card.getByRole('listitem')).toHaveText(['Fødevarer×']);

  // The tags card's own findings; the rest of Overblik has its own tests.
  const axe = await new AxeBuilder({ page }).include('section[aria-labelledby="tags-title"]').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
  ).toEqual([]);

  // Many firms at once: every firm the search matches gets the tag.
  await page.goto(`${base}#/companies`);
  await expect(rowNames(page)).toHaveCount(3);
  await page.getByRole('searchbox', { name: /Søg/ }).fill('fisk');
  await expect(rowNames(page)).toHaveText(['Fjordens Fisk']);
  await page.getByRole('button', { name: 'Tags…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tags på de valgte virksomheder (antal: 1)' });
  await dialog.getByLabel('Tilføj tag').fill('fødevarer');
  await dialog.getByRole('button', { name: 'Ændr tags' }).click();
  await expect(page.getByText('Tags er ændret på 1 af de 1 valgte virksomheder')).toBeVisible();
  // The page behind a modal dialog takes no typing until the dialog has closed.
  await expect(dialog).toBeHidden();

  // The filter by tag lists both firms that carry it.
  await page.getByRole('searchbox', { name: /Søg/ }).fill('');
  // The cleared search is applied (every firm listed) before the filter is chosen, as a person sees it.
  await expect(rowNames(page)).toHaveCount(3);
  await filters(page)
    .getByRole('button', { name: /Flere filtre/ })
    .click();
  await page.getByRole('group', { name: 'Tags' }).getByRole('checkbox', { name: 'Fødevarer' }).check();
  await page.keyboard.press('Escape');
  await expect(rowNames(page)).toHaveText(['Bøgely Gård', 'Fjordens Fisk']);

  // Renamed once in Settings, for every firm.
  await page.getByRole('link', { name: 'Indstillinger' }).click();
  const section = page.getByRole('region', { name: 'Tags' });
  await expect(section.getByRole('row', { name: /Fødevarer/ })).toContainText('2');
  await section.getByRole('button', { name: 'Omdøb Fødevarer' }).click();
  const rename = page.getByRole('dialog', { name: 'Omdøb' });
  await rename.getByLabel('Nyt navn til Fødevarer').fill('Lokale fødevarer');
  await rename.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByText('Tagget hedder nu «Lokale fødevarer»')).toBeVisible();
  const stored = await server.call<{ tags: string }>('companies.get', { id: fish.id });
  expect(stored.tags).toBe('Lokale fødevarer');
});
