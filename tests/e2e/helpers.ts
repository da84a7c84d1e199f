import type { Locator, Page } from '@playwright/test';
import type { BindeledServer } from './fixtures';

/** The caseload grid and its loaded body rows (placeholders excluded). */
export function grid(page: Page): Locator {
  return page.getByRole('grid', { name: /Virksomheder|Companies/ });
}

export function filters(page: Page): Locator {
  return page.getByRole('search', { name: /Søg og filtrér|Search and filter/ });
}

export function loadedRows(page: Page): Locator {
  return grid(page).locator('tbody tr:not(.placeholder)');
}

/** The name cells of the loaded rows, top to bottom (assert with toHaveText([...]), which waits). */
export function rowNames(page: Page): Locator {
  return loadedRows(page).locator('.cell-name');
}

/** The value of the report's figure card with this label (a selector for page.locator). */
export const kpiCard = (label: string) => `.kpi-card:has(.kpi-label:text-is("${label}")) .kpi-value`;

export async function search(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: /Søg|Search/ }).fill(text);
}

export interface SeedCompany {
  name: string;
  cvr?: string;
  kommuneCode?: number;
  postcode?: string;
  city?: string;
  employees?: number;
  industryCode?: string;
  ownerName?: string;
  status?: string;
  phone?: string;
}

export async function seed(
  server: BindeledServer,
  companies: SeedCompany[],
): Promise<Array<{ id: number; name: string }>> {
  const out: Array<{ id: number; name: string }> = [];
  for (const c of companies) out.push(await server.call<{ id: number; name: string }>('companies.create', c));
  return out;
}

/** CVR numbers that pass the modulus-11 check, generated so tests never collide. */
export function validCvr(seedNumber: number): string {
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  for (let n = seedNumber; ; n++) {
    const digits = String(10_000_000 + (n % 89_999_999)).padStart(8, '0');
    const sum = [...digits].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
    if (sum % 11 === 0) return digits;
  }
}

/** The least letterhead a letter is written on: the office's name and who signs. */
export async function setLetterhead(server: BindeledServer): Promise<void> {
  await server.call('settings.update', {
    'letterhead.organisation': 'Landdistriktsprojektet Midt',
    'letterhead.signatureName': 'Mette Sørensen',
  });
}

/**
 * A letterhead, two firms in "Fødevarenetværk Salling" and its next meeting in Spøttrup Borg: what a
 * letter to every member of a network is written from.
 */
export async function seedNetwork(
  server: BindeledServer,
  cvrSeed: number,
  meeting: { topic?: string } = {},
): Promise<{ networkId: number; firms: Array<{ id: number; name: string }> }> {
  await setLetterhead(server);
  const firms = await seed(server, [
    { name: 'Sallingsund Is ApS', cvr: validCvr(cvrSeed) },
    { name: 'Jenles Gårdmejeri ApS', cvr: validCvr(cvrSeed + 20) },
  ]);
  const network = await server.call<{ id: number }>('networks.create', {
    name: 'Fødevarenetværk Salling',
    foundedOn: '2011-05-02',
  });
  for (const f of firms)
    await server.call('networks.addMember', { networkId: network.id, companyId: f.id, joinedOn: '2011-06-01' });
  await server.call('networks.addMeeting', {
    networkId: network.id,
    heldOn: '2099-11-03',
    place: 'Spøttrup Borg',
    ...meeting,
  });
  return { networkId: network.id, firms };
}
