import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseloadSql } from '../../../../src-main/core/companies/caseload-query';
import { type CaseloadPage, caseloadQuerySchema } from '../../../../src-main/core/companies/caseload-schema';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

let store: TestStore;
const list = async (input: Record<string, unknown>) => (await store.call('companies.list', input)) as CaseloadPage;

beforeAll(async () => {
  store = openTestStore();
  const anne = (await store.call('consultants.ensure', { name: 'Anne Holm' })) as { id: number };
  const bo = (await store.call('consultants.ensure', { name: 'Bo Lund' })) as { id: number };
  const firms = [
    {
      name: 'Østergaard Gårdbutik',
      kommuneCode: 710,
      city: 'Hadsten',
      ownerName: 'Karen Østergaard',
      status: 'visited',
      consultantId: anne.id,
      industryCode: '471120',
      employees: 2,
    },
    {
      name: 'Ådalens Smedje',
      kommuneCode: 751,
      city: 'Aarhus C',
      ownerName: 'Per Smed',
      status: 'identified',
      consultantId: bo.id,
      industryCode: '255000',
      employees: 4,
    },
    {
      name: 'Æblehaven B&B',
      kommuneCode: 706,
      city: 'Ebeltoft',
      ownerName: 'Lise Æble',
      status: 'contacted',
      industryCode: '552000',
      employees: 0,
    },
    {
      name: 'anker Auto',
      kommuneCode: 751,
      city: 'Viby J',
      ownerName: 'Hans Anker',
      status: 'visited',
      consultantId: anne.id,
      industryCode: '452010',
      employees: 7,
      cvr: '13748136',
    },
    {
      name: 'Bageriet 100% Øko',
      kommuneCode: 740,
      city: 'Silkeborg',
      ownerName: 'Mie Bager',
      status: 'in_progress',
      consultantId: bo.id,
      industryCode: '107120',
      employees: 9,
    },
  ];
  for (const f of firms) await store.call('companies.create', f);
});
afterAll(() => store.close());

describe('the caseload query', () => {
  it('sorts by name in Danish order by default', async () => {
    const page = await list({});
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.name)).toEqual([
      'anker Auto',
      'Bageriet 100% Øko',
      'Æblehaven B&B',
      'Østergaard Gårdbutik',
      'Ådalens Smedje',
    ]);
  });

  it('sorts descending and by several columns, with empty values last', async () => {
    const byEmployees = await list({ sort: [{ column: 'employees', desc: true }] });
    expect(byEmployees.rows.map((r) => r.employees)).toEqual([9, 7, 4, 2, 0]);
    const byConsultant = await list({
      sort: [
        { column: 'consultant', desc: false },
        { column: 'name', desc: true },
      ],
    });
    expect(byConsultant.rows.map((r) => r.consultant)).toEqual(['Anne Holm', 'Anne Holm', 'Bo Lund', 'Bo Lund', null]);
    expect(byConsultant.rows[0]?.name).toBe('Østergaard Gårdbutik');
  });

  it('filters by kommune, status, consultant (including none) and industry prefix', async () => {
    expect((await list({ filters: { kommune: [751] } })).rows.map((r) => r.name)).toEqual([
      'anker Auto',
      'Ådalens Smedje',
    ]);
    expect((await list({ filters: { status: ['visited', 'contacted'] } })).total).toBe(3);
    expect((await list({ filters: { consultant: [0] } })).rows.map((r) => r.name)).toEqual(['Æblehaven B&B']);
    expect((await list({ filters: { industry: '47.11' } })).rows.map((r) => r.name)).toEqual(['Østergaard Gårdbutik']);
    expect((await list({ filters: { industry: '4' } })).total).toBe(2);
  });

  it('searches name, CVR, owner and city, including short words and symbols', async () => {
    expect((await list({ search: 'smed' })).rows.map((r) => r.name)).toEqual(['Ådalens Smedje']);
    expect((await list({ search: 'DK 1374 8136' })).rows.map((r) => r.name)).toEqual(['anker Auto']);
    expect((await list({ search: 'karen' })).rows.map((r) => r.name)).toEqual(['Østergaard Gårdbutik']);
    expect((await list({ search: 'ebeltoft' })).total).toBe(1);
    expect((await list({ search: 'b&b' })).rows.map((r) => r.name)).toEqual(['Æblehaven B&B']);
    expect((await list({ search: '100%' })).rows.map((r) => r.name)).toEqual(['Bageriet 100% Øko']);
    expect((await list({ search: 'øko bager' })).total).toBe(1);
    expect((await list({ search: '"AND*' })).total).toBe(0);
  });

  it('pages with a total count', async () => {
    const first = await list({ limit: 2, offset: 0 });
    const second = await list({ limit: 2, offset: 2 });
    expect(first.total).toBe(5);
    expect(first.rows).toHaveLength(2);
    expect(second.rows.map((r) => r.name)).toEqual(['Æblehaven B&B', 'Østergaard Gårdbutik']);
  });

  it('uses an index, not a full scan, when filtering by kommune or status', () => {
    for (const filters of [{ kommune: [751] }, { status: ['visited'] }]) {
      const q = caseloadQuerySchema.parse({ filters });
      const { pageSql, params } = caseloadSql(q);
      const plan = store.db.prepare(`EXPLAIN QUERY PLAN ${pageSql}`).all(...params, 100, 0) as Array<{
        detail: string;
      }>;
      const text = plan.map((p) => p.detail).join('\n');
      expect(text).toMatch(/USING (COVERING )?INDEX companies_(kommune|status)/);
      expect(text).not.toMatch(/SCAN c\b(?! USING)/);
    }
  });
});
