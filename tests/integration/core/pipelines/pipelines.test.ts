import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LagPipelineRow, PipelinePage, ReferralPipelineRow } from '../../../../src-main/api/contract';
import { orgId } from '../../../helpers/documents-fixtures';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

let store: TestStore;
let anne: number;
let bo: number;

async function firm(name: string, kommuneCode: number, consultantId: number): Promise<number> {
  const c = (await store.call('companies.create', { name, kommuneCode, consultantId })) as { id: number };
  return c.id;
}

async function referral(companyId: number, org: string, sentOn?: string): Promise<number> {
  const r = (await store.call('referrals.create', {
    companyId,
    organisationId: await orgId(store, org),
    reason: 'Brug for specialiseret rådgivning',
    consentOn: '2026-01-02',
  })) as { id: number };
  if (sentOn) await store.call('referrals.setStatus', { id: r.id, status: 'sent', date: sentOn });
  return r.id;
}

const referrals = async (input: object) =>
  (await store.call('pipelines.referrals', { on: '2026-03-01', ...input })) as PipelinePage<ReferralPipelineRow>;

beforeEach(async () => {
  store = openTestStore();
  anne = ((await store.call('consultants.ensure', { name: 'Anne Kjær' })) as { id: number }).id;
  bo = ((await store.call('consultants.ensure', { name: 'Bo Lund' })) as { id: number }).id;
  const a = await firm('Ådalens Gårdbutik', 710, anne);
  const b = await firm('Bækkens Smedje', 751, bo);
  const c = await firm('Cykelværkstedet', 751, anne);
  await referral(a, 'Væksthus Midtjylland', '2026-01-05');
  await referral(b, 'Væksthus Midtjylland', '2026-02-20');
  await referral(c, 'Erhvervshus Midtjylland');
  await store.call('lag.create', {
    companyId: a,
    lagId: await orgId(store, 'LAG Randers-Favrskov'),
    title: 'Kølerum og webshop',
    deadline: '2026-04-01',
    grantRequestedOre: 5_000_000,
  });
});
afterEach(() => store.close());

describe('the referrals pipeline', () => {
  it('lists every firm’s referrals with status, consultant, kommune and days without answer', async () => {
    const page = await referrals({ sort: [{ column: 'company', desc: false }] });
    expect(page.total).toBe(3);
    // In Danish order: Å comes last.
    expect(page.rows.map((r) => [r.companyName, r.status, r.consultant, r.kommune, r.waitingDays])).toEqual([
      ['Bækkens Smedje', 'sent', 'Bo Lund', 'Aarhus', 9],
      ['Cykelværkstedet', 'draft', 'Anne Kjær', 'Aarhus', null],
      ['Ådalens Gårdbutik', 'sent', 'Anne Kjær', 'Favrskov', 55],
    ]);
    expect(page.rows[0]?.allowedNext).toEqual(['received', 'declined']);
  });

  it('filters by status, organisation, consultant, kommune, period and waiting time', async () => {
    const names = async (filters: object) => (await referrals({ filters })).rows.map((r) => r.companyName).sort();
    expect(await names({ status: ['draft'] })).toEqual(['Cykelværkstedet']);
    expect(await names({ organisation: [await orgId(store, 'Erhvervshus Midtjylland')] })).toEqual(['Cykelværkstedet']);
    expect(await names({ consultant: [bo] })).toEqual(['Bækkens Smedje']);
    expect(await names({ kommune: [751], consultant: [anne] })).toEqual(['Cykelværkstedet']);
    expect(await names({ from: '01.02.2026', to: '2026-02-28' })).toEqual(['Bækkens Smedje']);
    expect(await names({ waitingDays: 14 })).toEqual(['Ådalens Gårdbutik']);
    expect(await names({ consultant: [0] })).toEqual([]);
  });

  it('sorts in SQLite and pages without losing a row', async () => {
    const sorted = await referrals({ sort: [{ column: 'waitingDays', desc: true }] });
    expect(sorted.rows.map((r) => r.waitingDays)).toEqual([55, 9, null]);
    const first = await referrals({ limit: 2, sort: [{ column: 'company', desc: true }] });
    const second = await referrals({ limit: 2, offset: 2, sort: [{ column: 'company', desc: true }] });
    expect([...first.rows, ...second.rows].map((r) => r.companyName)).toEqual([
      'Ådalens Gårdbutik',
      'Cykelværkstedet',
      'Bækkens Smedje',
    ]);
  });

  it('a board move follows the dialogs’ rules: a sent referral can be received, not sent back to draft', async () => {
    const [sent] = (await referrals({ filters: { waitingDays: 14 } })).rows;
    if (!sent) throw new Error('no waiting referral');
    const back = await store.dispatch('referrals.setStatus', { id: sent.id, status: 'draft' });
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.error.message).toContain('Kladde');
    await store.call('referrals.setStatus', { id: sent.id, status: 'received' });
    expect((await referrals({ filters: { waitingDays: 14 } })).total).toBe(0);
  });
});

describe('the LAG pipeline', () => {
  it('lists applications with their LAG, deadline and grant', async () => {
    const page = (await store.call('pipelines.lag', {})) as PipelinePage<LagPipelineRow>;
    expect(page.rows).toEqual([
      expect.objectContaining({
        companyName: 'Ådalens Gårdbutik',
        title: 'Kølerum og webshop',
        organisationName: 'LAG Randers-Favrskov',
        status: 'idea',
        deadline: '2026-04-01',
        grantRequestedOre: 5_000_000,
        allowedNext: ['drafting', 'closed'],
      }),
    ]);
    const none = (await store.call('pipelines.lag', {
      filters: { status: ['submitted'] },
    })) as PipelinePage<LagPipelineRow>;
    expect(none.total).toBe(0);
  });

  it('sorts by waiting time in both directions (the waiting statuses are an IN list)', async () => {
    for (const desc of [true, false]) {
      const page = (await store.call('pipelines.lag', {
        sort: [{ column: 'waitingDays', desc }],
      })) as PipelinePage<LagPipelineRow>;
      expect(page.rows.map((r) => r.title)).toEqual(['Kølerum og webshop']);
    }
  });
});

describe('sorted by firm', () => {
  const danish = new Intl.Collator('da');

  it('is in Danish order (æ, ø, å after z; aa as å) and stays so when a firm is renamed, merged or anonymised', async () => {
    const lagId = await orgId(store, 'LAG Randers-Favrskov');
    const made = new Map<string, number>();
    for (const name of ['Zoneterapeuten', 'Ærø Cider', 'Aabybro Is', 'Østergaard VVS', 'Anemonen', 'Zebra Tryk']) {
      const id = await firm(name, 751, anne);
      made.set(name, id);
      await referral(id, 'Væksthus Midtjylland', '2026-02-01');
      await store.call('lag.create', { companyId: id, lagId, title: `Projekt ${name}`, deadline: '2026-05-01' });
    }
    const check = async () => {
      for (const desc of [false, true]) {
        const sort = [{ column: 'company', desc }];
        const pages = [
          ((await referrals({ sort })) as PipelinePage<ReferralPipelineRow>).rows,
          ((await store.call('pipelines.lag', { sort })) as PipelinePage<LagPipelineRow>).rows,
        ];
        for (const rows of pages) {
          const names = rows.map((r) => r.companyName);
          const expected = [...names].sort(danish.compare);
          expect(names).toEqual(desc ? expected.reverse() : expected);
        }
      }
    };
    await check();
    const byName = (name: string) => made.get(name) as number;

    await store.call('companies.update', { id: byName('Anemonen'), changes: { name: 'Åkanden' } });
    await store.call('companies.merge', { keepId: byName('Zebra Tryk'), mergeId: byName('Ærø Cider') });
    await store.call('privacy.anonymise', { ids: [byName('Zoneterapeuten')] });
    const after = (await referrals({ sort: [{ column: 'company', desc: false }] })).rows.map((r) => r.companyName);
    expect(after).toContain('Åkanden');
    expect(after).not.toContain('Ærø Cider');
    expect(after).not.toContain('Zoneterapeuten');
    expect(after.filter((n) => n === 'Zebra Tryk')).toHaveLength(2);
    await check();
  });
});

describe('saved views and export', () => {
  it('saves, replaces and deletes a named view per pipeline', async () => {
    const state = { filters: { status: ['sent'] }, sort: [{ column: 'sentAt', desc: true }], mode: 'board' };
    await store.call('pipelines.saveView', { kind: 'referrals', name: 'Venter på svar', state });
    await store.call('pipelines.saveView', {
      kind: 'referrals',
      name: 'Venter på svar',
      state: { ...state, mode: 'table' },
    });
    const views = (await store.call('pipelines.views', { kind: 'referrals' })) as Array<{
      name: string;
      state: object;
    }>;
    expect(views).toEqual([expect.objectContaining({ name: 'Venter på svar', state: { ...state, mode: 'table' } })]);
    expect(await store.call('pipelines.views', { kind: 'lag' })).toEqual([]);
    await store.call('pipelines.deleteView', { kind: 'referrals', name: 'Venter på svar' });
    expect(await store.call('pipelines.views', { kind: 'referrals' })).toEqual([]);
  });

  it('exports the filtered, sorted table to CSV and XLSX that Excel reads', async () => {
    const dir = path.join(store.dir, 'docs');
    fs.mkdirSync(dir, { recursive: true });
    const query = { on: '2026-03-01', filters: { status: ['sent'] }, sort: [{ column: 'sentAt', desc: false }] };
    const csv = path.join(dir, 'henvisninger.csv');
    await store.call('pipelines.export', { kind: 'referrals', format: 'csv', path: csv, query });
    const lines = fs.readFileSync(csv, 'utf8').split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFVirksomhed;CVR;Modtager;Status;Konsulent;Kommune;Sendt;Modtaget;Dage uden svar;Resultat',
    );
    expect(lines[1]).toBe('Ådalens Gårdbutik;;Væksthus Midtjylland;Sendt;Anne Kjær;Favrskov;05.01.2026;;55;');
    expect(lines[2]).toContain('Bækkens Smedje;');

    const xlsx = path.join(dir, 'lag.xlsx');
    await store.call('pipelines.export', { kind: 'lag', format: 'xlsx', path: xlsx, query: {} });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheet = wb.worksheets[0];
    expect(sheet?.name).toBe('LAG-ansøgninger');
    expect(sheet?.getRow(2).getCell(3).value).toBe('Kølerum og webshop');
    expect(sheet?.getRow(2).getCell(5).value).toBe('Idé');
    expect(sheet?.getRow(2).getCell(11).value).toBe(50_000);
  });
});
