import type { Request } from '@playwright/test';
import { createCompany } from '../../src-main/core/companies/company-repo';
import { openDatabase } from '../../src-main/core/db/open';
import { expect, test } from './fixtures';
import { grid, loadedRows } from './helpers';

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
