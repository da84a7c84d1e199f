import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

let store: TestStore;
let companyId: number;
beforeEach(async () => {
  store = openTestStore();
  companyId = ((await store.call('companies.create', { name: 'Ådalens Gårdbutik', cvr: '13748136' })) as { id: number })
    .id;
});
afterEach(() => store.close());

const orgOf = (type: string) =>
  (store.db.prepare('SELECT id FROM organisations WHERE type = ? LIMIT 1').get(type) as { id: number }).id;
const schemeOf = (code: string) =>
  (store.db.prepare('SELECT id FROM support_schemes WHERE code = ?').get(code) as { id: number }).id;

/** A Væksthus grant and an approved LAG application, recorded as Bindeled records them. */
function recordGrants() {
  const stamp = '2012-03-14T09:30:00Z';
  store.db
    .prepare(
      `INSERT INTO referrals(uuid, company_id, organisation_id, scheme_id, reason, status, sent_at, outcome,
         outcome_amount_ore, outcome_on, created_at, updated_at)
       VALUES ('r1', ?, ?, ?, 'Rådgivning', 'closed', '2022-01-10', 'grant_awarded', 7460380, '2022-03-01', ?, ?)`,
    )
    .run(companyId, orgOf('vaeksthus'), schemeOf('vaeksthus_specialraadgivning'), stamp, stamp);
  store.db
    .prepare(
      `INSERT INTO lag_applications(uuid, company_id, lag_id, scheme_id, title, status, submitted_at, decided_at,
         grant_awarded_ore, created_at, updated_at)
       VALUES ('l1', ?, ?, ?, 'Gårdbutik', 'approved', '2023-01-05', '2023-04-20', 74603800, ?, ?)`,
    )
    .run(companyId, orgOf('lag'), schemeOf('lag_erhverv_2014'), stamp, stamp);
}

describe('the de minimis ledger', () => {
  it('is filled from a Væksthus grant and a LAG approval, converted at the central rate, plus aid typed by hand', async () => {
    recordGrants();
    await store.call('deminimis.add', {
      companyId,
      grantedOn: '21.06.2021',
      grantor: 'Favrskov Kommune',
      amountEurCents: 5_000_000,
      amountOre: 37_301_900,
    });
    const r = (await store.call('deminimis.status', { companyId, on: '2023-12-31' })) as {
      limits: Array<{ regulation: string; countedEurCents: number; headroomEurCents: number }>;
      aid: Array<{ source: string; grantedOn: string; eurCents: number; counted: boolean }>;
    };
    expect(r.aid.map((a) => [a.source, a.grantedOn, a.eurCents, a.counted])).toEqual([
      ['manual', '2021-06-21', 5_000_000, true],
      ['referral', '2022-03-01', 1_000_000, true],
      ['lag', '2023-04-20', 10_000_000, true],
    ]);
    expect(r.limits).toEqual([
      expect.objectContaining({ regulation: '1407/2013', countedEurCents: 16_000_000, headroomEurCents: 4_000_000 }),
    ]);
    // The same aid from 2024, under the rolling rule: EUR 300,000, and the 2021 aid has dropped out by late June.
    const later = (await store.call('deminimis.status', { companyId, on: '2024-06-22' })) as typeof r;
    expect(later.limits[0]).toMatchObject({
      regulation: '2023/2831',
      countedEurCents: 11_000_000,
      headroomEurCents: 19_000_000,
    });
  });

  it('leaves an application out of its own check, and a scheme that is not de minimis out altogether', async () => {
    recordGrants();
    const app = (store.db.prepare("SELECT id FROM lag_applications WHERE uuid = 'l1'").get() as { id: number }).id;
    const own = (await store.call('deminimis.status', { companyId, on: '2023-12-31', excludeApplicationId: app })) as {
      aid: Array<{ source: string }>;
    };
    expect(own.aid.map((a) => a.source)).toEqual(['referral']);
    store.db.prepare('UPDATE support_schemes SET de_minimis = 0').run();
    expect(((await store.call('deminimis.status', { companyId })) as { aid: unknown[] }).aid).toEqual([]);
  });

  it('refuses aid dated in the future or with a negative amount, and writes nothing', async () => {
    const refused = async (input: Record<string, unknown>) => {
      const r = await store.dispatch('deminimis.add', {
        companyId,
        grantedOn: '2022-01-01',
        grantor: 'Favrskov Kommune',
        amountEurCents: 100,
        ...input,
      });
      if (r.ok) throw new Error('accepted');
      return r.error.message;
    };
    expect(await refused({ grantedOn: '2999-01-01' })).toContain('Datoen ligger i fremtiden');
    expect(await refused({ amountEurCents: -100 })).toContain('Beløbet skal være større end 0');
    expect(await refused({ amountOre: -5 })).toContain('Beløbet skal være større end 0');
    expect(store.db.prepare('SELECT count(*) AS n FROM de_minimis_aid').get()).toEqual({ n: 0 });
  });

  it('records an entry in the audit log and removes it again', async () => {
    const entry = (await store.call('deminimis.add', {
      companyId,
      grantedOn: '2022-01-01',
      grantor: 'Favrskov Kommune',
      amountEurCents: 100,
    })) as { id: number };
    await store.call('deminimis.remove', { id: entry.id });
    const audit = store.db.prepare("SELECT action FROM audit_log WHERE entity = 'de_minimis_aid' ORDER BY id").all();
    expect(audit).toEqual([{ action: 'create' }, { action: 'delete' }]);
  });
});

describe('a merge of two records of one firm', () => {
  it('moves the aid typed by hand to the kept firm, named in the plan', async () => {
    const other = ((await store.call('companies.create', { name: 'Aadalens Gaardbutik' })) as { id: number }).id;
    await store.call('deminimis.add', {
      companyId: other,
      grantedOn: '2022-01-01',
      grantor: 'Favrskov Kommune',
      amountEurCents: 100_000,
    });
    const plan = (await store.call('companies.merge', { keepId: companyId, mergeId: other })) as {
      moves: Array<{ table: string; count: number }>;
    };
    expect(plan.moves).toContainEqual({ table: 'de_minimis_aid', count: 1 });
    const r = (await store.call('deminimis.status', { companyId, on: '2022-06-01' })) as { headroomEurCents: number };
    expect(r.headroomEurCents).toBe(19_900_000);
  });
});
