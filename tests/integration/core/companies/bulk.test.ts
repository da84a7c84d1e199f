import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../../src-main/api/contract';
import { runBulk } from '../../../../src-main/core/companies/bulk/bulk';
import { bulkInputSchema } from '../../../../src-main/core/companies/bulk/bulk-schema';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

let store: TestStore;
let events: JobProgress[];
let anne: number;
let bo: number;
let firms: number[];

const auditCount = () => (store.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const consultantOf = (id: number) =>
  (store.db.prepare('SELECT consultant_id AS c FROM companies WHERE id = ?').get(id) as { c: number | null }).c;

beforeEach(async () => {
  events = [];
  store = openTestStore({ emit: (e) => events.push(e) });
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

/** Many firms at once, straight into the table: Anne's, in Aarhus. */
function manyFirms(n: number): number[] {
  store.db
    .prepare(
      `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
       INSERT INTO companies(uuid, record_type, name, name_sort, kommune_code, consultant_id, created_at, updated_at)
       SELECT 'many-' || i, 'unregistered', 'Firma ' || i, 'firma ' || i, 751, ?, '2026-01-01T09:00:00Z',
         '2026-01-01T09:00:00Z' FROM seq`,
    )
    .run(n, anne);
  return store.db.prepare("SELECT id FROM companies WHERE uuid LIKE 'many-%' ORDER BY id").pluck().all() as number[];
}

/** What a bulk action may change: every firm's consultant and status, follow-ups, the audit log, the undo. */
const snapshot = () => ({
  firms: store.db.prepare('SELECT id, consultant_id, status, updated_at FROM companies ORDER BY id').all(),
  followups: store.db.prepare('SELECT id, consultant_id FROM followups ORDER BY id').all(),
  audit: auditCount(),
  last: store.db.prepare("SELECT value FROM settings WHERE key = 'bulk.last'").all(),
});

describe('a bulk action over many firms', () => {
  it('reports progress while it writes, chunk by chunk, and completes in one transaction', async () => {
    const ids = manyFirms(4500);
    const r = await store.dispatch(
      'companies.bulk',
      { selection: { query: { filters: { kommune: [751] } } }, action: { kind: 'reassign', consultantId: bo } },
      { jobId: 'bulk-1' },
    );
    expect(r).toMatchObject({ ok: true, value: { selected: ids.length + 2, changed: ids.length + 2 } });
    const done = events.filter((e) => e.jobId === 'bulk-1').map((e) => e.done);
    expect(done.length).toBeGreaterThan(2);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(ids.length + 2);
    expect(store.db.prepare('SELECT count(*) FROM companies WHERE consultant_id = ?').pluck().get(bo)).toBe(
      ids.length + 2,
    );
  });

  it('cancelled while it writes leaves every firm, follow-up and the audit log as they were', async () => {
    manyFirms(4500);
    const before = snapshot();
    const input = { selection: { query: { filters: {} } }, action: { kind: 'reassign', consultantId: bo } };
    const running = store.dispatch('companies.bulk', input, { jobId: 'bulk-2' });
    // Cancel once the first chunk is written inside the open transaction.
    while (!events.some((e) => e.jobId === 'bulk-2' && e.done > 0)) await new Promise((r) => setImmediate(r));
    expect(await store.call('jobs.cancel', { jobId: 'bulk-2' })).toEqual({ cancelled: true });
    const r = await running;
    expect(r.ok ? null : r.error.code).toBe('cancelled');
    expect(snapshot()).toEqual(before);
    expect(store.db.inTransaction).toBe(false);
  });

  it('keeps other calls out while it writes: a read sees the committed state, a write is not rolled back with it', async () => {
    const ids = manyFirms(50);
    const first = ids[0] as number;
    const controller = new AbortController();
    let midway: Promise<unknown>[] = [];
    const input = bulkInputSchema.parse({ selection: { ids }, action: { kind: 'reassign', consultantId: bo } });
    const bulk = runBulk(store.db, input, {
      signal: controller.signal,
      chunk: 10,
      progress: (done) => {
        // Half-way, with 20 firms reassigned in the open transaction: another read and another write.
        if (done === 20) {
          midway = [
            store.call('companies.get', { id: first }),
            store.call('companies.update', { id: first, changes: { name: 'Firma Et' } }),
          ];
        }
        if (done === 30) controller.abort();
      },
    });
    await expect(bulk).rejects.toMatchObject({ code: 'cancelled' });
    const [read] = (await Promise.all(midway)) as Array<{ name: string; consultantId: number | null }>;
    // The read waited for the rollback: the firm is Anne's again, not the uncommitted Bo's.
    expect(read).toMatchObject({ name: 'Firma 1', consultantId: anne });
    expect(consultantOf(first)).toBe(anne);
    expect(store.db.prepare('SELECT name FROM companies WHERE id = ?').pluck().get(first)).toBe('Firma Et');
    expect(store.db.prepare('SELECT count(*) FROM companies WHERE consultant_id = ?').pluck().get(bo)).toBe(0);
  });
});
