import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

let store: TestStore;
let anne: number;
let bo: number;
let firms: number[];

const auditCount = () => (store.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const consultantOf = (id: number) =>
  (store.db.prepare('SELECT consultant_id AS c FROM companies WHERE id = ?').get(id) as { c: number | null }).c;

beforeEach(async () => {
  store = openTestStore();
  anne = ((await store.call('consultants.ensure', { name: 'Anne Kjær' })) as { id: number }).id;
  bo = ((await store.call('consultants.ensure', { name: 'Bo Lund' })) as { id: number }).id;
  firms = [];
  for (const [name, kommuneCode] of [
    ['Alfa Smedje', 751],
    ['Beta Bageri', 751],
    ['Gamma Gård', 710],
  ] as const) {
    const c = (await store.call('companies.create', { name, kommuneCode, consultantId: anne })) as { id: number };
    firms.push(c.id);
  }
  await store.call('followups.create', {
    companyId: firms[0],
    title: 'Ring tilbage',
    dueDate: '2026-02-01',
    consultantId: anne,
  });
});
afterEach(() => store.close());

describe('bulk actions on a caseload selection', () => {
  it('reassigns the firms matching a filter with their open follow-ups, one audit entry each, and undoes it', async () => {
    const before = auditCount();
    const r = await store.call('companies.bulk', {
      selection: { query: { filters: { kommune: [751] } } },
      action: { kind: 'reassign', consultantName: 'bo lund' },
    });
    expect(r).toEqual({ kind: 'reassign', dryRun: false, selected: 2, changed: 2, followupsMoved: 1 });
    expect(firms.map(consultantOf)).toEqual([bo, bo, anne]);
    const followup = store.db.prepare('SELECT consultant_id AS c FROM followups').get() as { c: number };
    expect(followup.c).toBe(bo);
    expect(auditCount() - before).toBe(2);
    expect(await store.call('companies.bulkLast', {})).toMatchObject({ kind: 'reassign', changed: 2 });

    const undone = await store.call('companies.bulkUndo', {});
    expect(undone).toMatchObject({ changed: 2, followupsMoved: 1 });
    expect(firms.map(consultantOf)).toEqual([anne, anne, anne]);
    expect((store.db.prepare('SELECT consultant_id AS c FROM followups').get() as { c: number }).c).toBe(anne);
    expect(await store.call('companies.bulkLast', {})).toBeNull();
    const again = await store.dispatch('companies.bulkUndo', {});
    expect(again.ok ? null : again.error.message).toBe('Der er ingen massehandling at fortryde');
  });

  it('refuses an empty selection, an unknown consultant and closing without a reason, writing nothing', async () => {
    const before = auditCount();
    const refusal = async (input: object) => {
      const r = await store.dispatch('companies.bulk', input);
      return r.ok ? 'accepted' : r.error.message;
    };
    expect(await refusal({ selection: { ids: [] }, action: { kind: 'reassign', consultantId: bo } })).toBe(
      'Ingen virksomheder er valgt; intet er ændret',
    );
    expect(
      await refusal({
        selection: { query: { filters: { kommune: [665] } } },
        action: { kind: 'status', status: 'contacted' },
      }),
    ).toBe('Ingen virksomheder er valgt; intet er ændret');
    expect(
      await refusal({ selection: { ids: firms }, action: { kind: 'reassign', consultantName: 'Ukendt Person' } }),
    ).toContain('Ukendt konsulent: Ukendt Person');
    expect(await refusal({ selection: { ids: firms }, action: { kind: 'status', status: 'closed' } })).toBe(
      'Skriv en begrundelse, når sagen lukkes',
    );
    expect(auditCount()).toBe(before);
    expect(await store.call('companies.bulkLast', {})).toBeNull();
  });

  it('closes with a reason, adds a follow-up to each and adds to a network; a dry run writes nothing', async () => {
    const dry = await store.call('companies.bulk', {
      selection: { ids: firms },
      action: { kind: 'status', status: 'closed', reason: 'Programmet er slut' },
      dryRun: true,
    });
    expect(dry).toMatchObject({ dryRun: true, selected: 3, changed: 3 });
    expect(store.db.prepare("SELECT count(*) AS n FROM companies WHERE status = 'closed'").get()).toEqual({ n: 0 });

    await store.call('companies.bulk', {
      selection: { ids: firms.slice(0, 2) },
      action: { kind: 'status', status: 'closed', reason: 'Programmet er slut' },
    });
    const closed = store.db.prepare("SELECT status_reason AS r FROM companies WHERE status = 'closed'").all();
    expect(closed).toEqual([{ r: 'Programmet er slut' }, { r: 'Programmet er slut' }]);

    const added = await store.call('companies.bulk', {
      selection: { ids: firms },
      action: { kind: 'followup', title: 'Tilbud om netværksmøde', dueDate: '01.03.2026' },
    });
    expect(added).toMatchObject({ changed: 3 });
    expect(
      store.db.prepare("SELECT count(*) AS n FROM followups WHERE title = 'Tilbud om netværksmøde'").get(),
    ).toEqual({
      n: 3,
    });
    await store.call('companies.bulkUndo', {});
    expect(
      store.db.prepare("SELECT count(*) AS n FROM followups WHERE title = 'Tilbud om netværksmøde'").get(),
    ).toEqual({
      n: 0,
    });

    const network = (await store.call('networks.create', {
      name: 'Fødevarenetværk',
      foundedOn: '2026-01-01',
    })) as { id: number };
    const joined = await store.call('companies.bulk', {
      selection: { ids: firms },
      action: { kind: 'network', networkId: network.id, joinedOn: '2026-01-15' },
    });
    expect(joined).toMatchObject({ changed: 3 });
    const twice = await store.call('companies.bulk', {
      selection: { ids: firms },
      action: { kind: 'network', networkId: network.id, joinedOn: '2026-01-20' },
    });
    expect(twice).toMatchObject({ changed: 0 });
  });
});
