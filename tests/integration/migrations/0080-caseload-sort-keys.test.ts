import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseloadPage } from '../../../src-main/core/companies/caseload-schema';
import { openTestStore, type TestStore } from '../../helpers/temp-db';

/**
 * The caseload sorts by kommune and consultant from names kept on the company row (migration 80)
 * and answers one- and two-letter searches from the start of the firm's name.
 */
let store: TestStore;
const list = async (input: Record<string, unknown>) => (await store.call('companies.list', input)) as CaseloadPage;
const names = async (input: Record<string, unknown>) => (await list(input)).rows.map((r) => r.name);
let anne = 0;
let bo = 0;

beforeEach(async () => {
  store = openTestStore();
  anne = ((await store.call('consultants.ensure', { name: 'Anne Holm' })) as { id: number }).id;
  bo = ((await store.call('consultants.ensure', { name: 'Bo Lund' })) as { id: number }).id;
  const firms = [
    { name: 'Bogbinderiet', kommuneCode: 751, consultantId: bo, ownerName: 'Jens Borup', city: 'Aarhus C' },
    { name: 'Aabenraa Boghandel', kommuneCode: 740, consultantId: anne, ownerName: 'Kim Sø' },
    { name: 'Ådalens Bolcher', kommuneCode: 710, ownerName: 'Bo Ravn' },
    { name: 'Bo og Bolig', kommuneCode: 706, consultantId: anne },
    { name: 'Smedien i Borup', consultantId: bo, city: 'Borup' },
  ];
  for (const f of firms) await store.call('companies.create', f);
});
afterEach(() => store.close());

describe('sorting by kommune and consultant', () => {
  it('orders by their names as before, in both directions, empty last', async () => {
    expect((await list({ sort: [{ column: 'kommune', desc: false }] })).rows.map((r) => r.kommune)).toEqual([
      'Aarhus',
      'Favrskov',
      'Silkeborg',
      'Syddjurs',
      null,
    ]);
    expect((await list({ sort: [{ column: 'kommune', desc: true }] })).rows.map((r) => r.kommune)).toEqual([
      'Syddjurs',
      'Silkeborg',
      'Favrskov',
      'Aarhus',
      null,
    ]);
    const byConsultant = await list({ sort: [{ column: 'consultant', desc: true }] });
    expect(byConsultant.rows.map((r) => [r.consultant, r.name])).toEqual([
      ['Bo Lund', 'Bogbinderiet'],
      ['Bo Lund', 'Smedien i Borup'],
      ['Anne Holm', 'Aabenraa Boghandel'],
      ['Anne Holm', 'Bo og Bolig'],
      [null, 'Ådalens Bolcher'],
    ]);
  });

  it('follows a firm that moves, gets another consultant, or a consultant who is renamed', async () => {
    const id = (await list({ search: 'bolcher' })).rows[0]?.id;
    await store.call('companies.update', { id, changes: { consultantId: bo, kommuneCode: 706 } });
    store.db.prepare('UPDATE consultants SET name = ? WHERE id = ?').run('Zenia Holm', anne);
    const byConsultant = await list({ sort: [{ column: 'consultant', desc: false }] });
    expect(byConsultant.rows.map((r) => r.consultant)).toEqual([
      'Bo Lund',
      'Bo Lund',
      'Bo Lund',
      'Zenia Holm',
      'Zenia Holm',
    ]);
    const byKommune = await list({ sort: [{ column: 'kommune', desc: false }] });
    expect(byKommune.rows.map((r) => r.kommune)).toEqual(['Aarhus', 'Silkeborg', 'Syddjurs', 'Syddjurs', null]);
    await store.call('companies.update', { id, changes: { consultantId: null, kommuneCode: null } });
    const noKommune = (await list({ sort: [{ column: 'kommune', desc: false }] })).rows.slice(-2);
    expect(noKommune.map((r) => [r.name, r.kommune])).toEqual([
      ['Ådalens Bolcher', null],
      ['Smedien i Borup', null],
    ]);
    // The kept names always agree with the joined ones, whatever wrote the row.
    const stale = store.db
      .prepare(
        `SELECT count(*) FROM companies c LEFT JOIN kommuner k ON k.code = c.kommune_code
         LEFT JOIN consultants s ON s.id = c.consultant_id
         WHERE c.kommune_name IS NOT k.name OR c.consultant_name IS NOT s.name`,
      )
      .pluck()
      .get();
    expect(stale).toBe(0);
  });
});

describe('searching one or two letters', () => {
  it('lists the firms whose name starts with them, in Danish order ("aa" is "å")', async () => {
    expect(await names({ search: 'bo' })).toEqual(['Bo og Bolig', 'Bogbinderiet']);
    expect(await names({ search: 'BO' })).toEqual(['Bo og Bolig', 'Bogbinderiet']);
    expect(await names({ search: 'bo o' })).toEqual(['Bo og Bolig']);
    expect(await names({ search: 'å' })).toEqual(['Aabenraa Boghandel', 'Ådalens Bolcher']);
    expect(await names({ search: 'aa' })).toEqual(['Aabenraa Boghandel', 'Ådalens Bolcher']);
    expect((await list({ search: 'bo' })).total).toBe(2);
  });

  it('still finds a short word anywhere beside a longer one (name, city, contact person)', async () => {
    expect(await names({ search: 'bo smedien' })).toEqual(['Smedien i Borup']);
    expect(await names({ search: 'bo boghandel' })).toEqual(['Aabenraa Boghandel']);
    expect(await names({ search: 'sø boghandel' })).toEqual(['Aabenraa Boghandel']);
    expect(await names({ search: 'bo bolcher' })).toEqual(['Ådalens Bolcher']);
    expect(await names({ search: 'xy bolcher' })).toEqual([]);
  });
});

describe('the visit notes the caseload searches (prefix index, migration 80)', () => {
  it('finds the start of a word in notes as visits are added, edited and deleted', async () => {
    const id = (await list({ search: 'bolcher' })).rows[0]?.id;
    const visit = store.db
      .prepare(
        `INSERT INTO visits(uuid, company_id, date, type, notes, created_at, updated_at)
         VALUES ('prefix-visit', ?, '2024-05-01', 'visit', 'Vil bygge et kvarkbageri ved åen', 'x', 'x')`,
      )
      .run(id).lastInsertRowid;
    // The notes are searched when asked to (migration 240 took them out of the quick search).
    for (const search of ['kva', 'kvar', 'kvarkb', 'kvarkbageri'])
      expect(await names({ search, notes: true })).toEqual(['Ådalens Bolcher']);
    expect(await names({ search: 'kvarkbageri' })).toEqual([]);
    store.db.prepare("UPDATE visits SET notes = 'Vil hellere dyrke humle' WHERE id = ?").run(visit);
    expect(await names({ search: 'kvar', notes: true })).toEqual([]);
    expect(await names({ search: 'hum', notes: true })).toEqual(['Ådalens Bolcher']);
    store.db.prepare('DELETE FROM visits WHERE id = ?').run(visit);
    expect(await names({ search: 'humle', notes: true })).toEqual([]);
    const sql = store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'company_notes_fts'").pluck().get();
    expect(sql).toMatch(/prefix = '3 4'/);
  });
});
