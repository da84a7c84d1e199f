import type { Request } from '@playwright/test';
import { createCompany } from '../../src-main/core/companies/company-repo';
import { openDatabase } from '../../src-main/core/db/open';
import { expect, test } from './fixtures';
import { grid, loadedRows, rowNames, search } from './helpers';

const COUNT = 20_000;
const name = (n: number) => `Stor ${String(n).padStart(5, '0')}`;

// Written straight into the file before the server starts: 20,000 API calls would take minutes.
test.use({
  prepareDb: {
    run(dbPath: string) {
      const db = openDatabase(dbPath);
      db.transaction(() => {
        for (let n = 1; n <= COUNT; n++) createCompany(db, { name: name(n), kommuneCode: 657, employees: n % 50 });
      })();
      db.close();
    },
  },
});

test(`scrolls a caseload of ${COUNT.toLocaleString('da-DK')} companies without loading it all`, async ({
  app: page,
}) => {
  const pages: number[] = [];
  page.on('request', (r: Request) => {
    const body = r.url().endsWith('/api/invoke') ? r.postDataJSON() : null;
    if (body?.method === 'companies.list') pages.push(body.input.offset);
  });
  await expect(page.locator('.row-count')).toHaveText('20.000 virksomheder');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(COUNT + 1));

  const first = loadedRows(page).first();
  await first.focus();
  await page.keyboard.press('End');
  const last = grid(page).getByRole('row', { name: new RegExp(name(COUNT)) });
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute('aria-rowindex', String(COUNT + 1));
  await expect(last).toBeInViewport();

  await page.keyboard.press('PageUp');
  await expect(grid(page).locator('tbody tr:focus')).not.toHaveAttribute('aria-rowindex', String(COUNT + 1));

  // Jump to the middle with the scrollbar: the rows there arrive, the ones passed are never fetched.
  await page.locator('.grid-scroll').evaluate((el: HTMLElement) => {
    el.scrollTop = el.scrollHeight / 2;
  });
  await expect(grid(page).getByRole('row', { name: new RegExp(name(COUNT / 2)) })).toBeVisible();

  await page.keyboard.press('Home');
  await expect(grid(page).getByRole('row', { name: new RegExp(name(1)) })).toBeFocused();

  expect(new Set(pages).size * 100).toBeLessThan(COUNT / 10);
  expect(await grid(page).locator('tbody tr').count()).toBeLessThan(120);
});

test('after scrolling to the bottom with the scrollbar the table holds a screenful of rows and shows the last company', async ({
  app: page,
}) => {
  await expect(page.locator('.row-count')).toHaveText('20.000 virksomheder');
  await expect(loadedRows(page).first()).toBeVisible();
  // Step down the whole caseload as a dragged scrollbar does, one step per frame.
  await page.locator('.grid-scroll').evaluate(
    (el: HTMLElement) =>
      new Promise<void>((resolve) => {
        let step = 0;
        const next = () => {
          el.scrollTop = ((el.scrollHeight - el.clientHeight) * step) / 60;
          if (++step <= 60) requestAnimationFrame(next);
          else resolve();
        };
        requestAnimationFrame(next);
      }),
  );
  const last = grid(page).getByRole('row', { name: new RegExp(name(COUNT)) });
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('aria-rowindex', String(COUNT + 1));
  // Rows that left the screen are gone: only about a screenful is in the page.
  expect(await grid(page).locator('tbody tr').count()).toBeLessThan(200);
  expect(await page.locator('tr, td').count()).toBeLessThan(200 * 12);
});

test('a search keeps the previous rows on screen until its own rows arrive', async ({ app: page }) => {
  await expect(page.locator('.row-count')).toHaveText('20.000 virksomheder');
  await expect(loadedRows(page).first()).toBeVisible();
  // Notes every state the count and the rows pass through while the search runs.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    const count = document.querySelector('.row-count');
    const body = document.querySelector('tbody');
    const note = () => {
      seen.push(`${count?.textContent ?? ''}|${body?.querySelectorAll('tr:not(.placeholder)').length ?? 0}`);
    };
    new MutationObserver(note).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await search(page, 'Stor 1999');
  await expect(page.locator('.row-count')).toHaveText('12 virksomheder');
  await expect(rowNames(page).first()).toHaveText(name(1999));
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  // Never a blank table or a "loading" count between the two results.
  expect(seen.filter((s) => !/^\d+(\.\d+)* virksomheder?\|[1-9]/.test(s))).toEqual([]);
});

test('a common word shows its first rows before they are counted, then the count', async ({ app: page }) => {
  await expect(page.locator('.row-count')).toHaveText('20.000 virksomheder');
  const holding = (text: string) =>
    Array.from({ length: COUNT }, (_, i) => name(i + 1)).filter((n) => n.includes(text));
  // Every firm's name holds "stor": the first page is read off the name index, uncounted ("mange
  // virksomheder" meanwhile), and the page after it brings the count.
  await search(page, 'stor 1');
  await expect(page.locator('.row-count')).toHaveText(`${holding('1').length.toLocaleString('da-DK')} virksomheder`);
  await expect(rowNames(page).first()).toHaveText(name(1));
  await search(page, 'stor 000');
  await expect(page.locator('.row-count')).toHaveText(`${holding('000').length} virksomheder`);
  await expect(rowNames(page).first()).toHaveText(name(1));
});
