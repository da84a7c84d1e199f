import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Company, DuplicatePair, MergePlan } from '../../../../src-main/api/contract';
import { programmeReport } from '../../../../src-main/core/report/report-query';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

let store: TestStore;
beforeEach(() => {
  store = openTestStore();
});
afterEach(() => store.close());

const PERIOD = { from: '2010-10-01', to: '2011-10-17', asOf: '2011-10-17' };
const stamp = '2011-01-01T00:00:00Z';
let seq = 0;

const create = async (fields: Record<string, unknown>) => (await store.call('companies.create', fields)) as Company;
const get = async (id: number) => (await store.call('companies.get', { id })) as Company;
const pairs = async (companyId?: number) =>
  (await store.call('companies.duplicates', { companyId })) as DuplicatePair[];
async function refusal(method: string, input: unknown) {
  const r = await store.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}
const countRows = (table: string, companyId: number) =>
  store.db.prepare(`SELECT count(*) FROM ${table} WHERE company_id = ?`).pluck().get(companyId) as number;
const org = (type: string) =>
  store.db.prepare('SELECT id FROM organisations WHERE type = ? LIMIT 1').pluck().get(type) as number;

function visit(companyId: number, date: string, notes = 'Talte om eksport') {
  store.db
    .prepare(
      `INSERT INTO visits(uuid, company_id, date, type, notes, created_at, updated_at) VALUES (?, ?, ?, 'visit', ?, ?, ?)`,
    )
    .run(`v${++seq}`, companyId, date, notes, stamp, stamp);
}
function referral(companyId: number, sent: string) {
  store.db
    .prepare(`INSERT INTO referrals(uuid, company_id, organisation_id, reason, status, sent_at, created_at, updated_at)
      VALUES (?, ?, ?, 'Eksport', 'sent', ?, ?, ?)`)
    .run(`r${++seq}`, companyId, org('vaeksthus'), `${sent}T10:00:00Z`, stamp, stamp);
}

describe('possible duplicates', () => {
  it('pairs the same name at one postcode, the same P-number, and a firm without CVR named like a registered one', async () => {
    const a = await create({ name: 'Smedjen i Ørum ApS', cvr: '13748136', postcode: '8830', city: 'Tjele' });
    const b = await create({ name: 'SMEDJEN I OERUM', postcode: '8830' });
    const c = await create({ name: 'Bageriet i Ry', pNumber: '1000000001' });
    const d = await create({ name: 'Ry Bageri', pNumber: '1000000001' });
    await create({ name: 'Smedjen i Ry', postcode: '8680' });
    const found = await pairs();
    expect(found.map((p) => [p.keepId, p.mergeId, p.reasons.sort()])).toEqual([
      [c.id, d.id, ['p_number']],
      [a.id, b.id, ['name_postcode', 'unregistered']],
    ]);
    expect((await pairs(b.id)).map((p) => p.mergeId)).toEqual([b.id]);
  });

  it('never pairs two firms whose CVR numbers differ', async () => {
    await create({ name: 'Jensen & Søn', cvr: '13748136', postcode: '8830' });
    await create({ name: 'Jensen og Søn I/S', cvr: '10000009', postcode: '8830' });
    expect(await pairs()).toEqual([]);
  });
});

describe('merging two firms', () => {
  it('moves every record to the kept firm, takes the chosen fields, deletes the other and records it', async () => {
    const keep = await create({ name: 'Smedjen i Ørum', postcode: '8830', phone: '11111111' });
    const other = await create({
      name: 'Smedjen i Ørum ApS',
      cvr: '13748136',
      postcode: '8830',
      phone: '22222222',
      email: 'smed@oerum.dk',
      ownerName: 'Søren Smed',
    });
    visit(other.id, '2011-03-01', 'Vil bygge ny esse');
    referral(other.id, '2011-03-02');
    await store.call('followups.create', { companyId: other.id, title: 'Ring igen', dueDate: '01.04.2011' });
    const net = (await store.call('networks.create', { name: 'Smede i Viborg', foundedOn: '01.02.2011' })) as {
      id: number;
    };
    await store.call('networks.addMember', { networkId: net.id, companyId: keep.id, joinedOn: '01.03.2011' });
    await store.call('networks.addMember', { networkId: net.id, companyId: other.id, joinedOn: '01.02.2011' });

    const preview = (await store.call('companies.mergePreview', {
      keepId: keep.id,
      mergeId: other.id,
      take: ['name'],
    })) as MergePlan;
    expect(preview.fields.find((f) => f.field === 'cvr')).toMatchObject({ chosen: 'merge', fixed: true });
    expect(preview.fields.find((f) => f.field === 'phone')).toMatchObject({ keep: '11111111', chosen: 'keep' });
    expect(preview.fields.find((f) => f.field === 'email')).toMatchObject({ chosen: 'merge' });
    expect(Object.fromEntries(preview.moves.map((m) => [m.table, m.count]))).toMatchObject({
      contacts: 1,
      visits: 1,
      referrals: 1,
      followups: 1,
      network_members: 1,
    });
    // The preview wrote nothing.
    expect(countRows('visits', other.id)).toBe(1);

    await store.call('companies.merge', { keepId: keep.id, mergeId: other.id, take: ['name'] });
    const merged = await get(keep.id);
    expect(merged).toMatchObject({
      name: 'Smedjen i Ørum ApS',
      cvr: '13748136',
      recordType: 'registered',
      phone: '11111111',
      email: 'smed@oerum.dk',
      owner: 'Søren Smed',
    });
    // The caseload's derived columns follow the records that moved.
    expect(store.db.prepare('SELECT last_contact, next_followup FROM companies WHERE id = ?').get(keep.id)).toEqual({
      last_contact: '2011-03-01',
      next_followup: '2011-04-01',
    });
    expect((await store.dispatch('companies.get', { id: other.id })).ok).toBe(false);
    for (const table of ['contacts', 'visits', 'referrals', 'followups', 'network_members'])
      expect(countRows(table, other.id)).toBe(0);
    const memberships = store.db
      .prepare('SELECT joined_on, left_on FROM network_members WHERE company_id = ?')
      .all(keep.id);
    expect(memberships).toEqual([{ joined_on: '2011-02-01', left_on: null }]);
    // The search finds the merged firm by its new name and its visit notes, and only once.
    const found = (await store.call('companies.list', { search: 'esse', notes: true })) as {
      rows: Array<{ id: number }>;
    };
    expect(found.rows.map((r) => r.id)).toEqual([keep.id]);
    const history = (await store.call('companies.history', { id: keep.id })) as Array<{ reason: string | null }>;
    expect(history.map((h) => h.reason)).toEqual(
      expect.arrayContaining(['Smedjen i Ørum ApS lagt sammen hertil', 'Lagt sammen med Smedjen i Ørum']),
    );
  });

  it('leaves the report as it was but for the firm counted twice', async () => {
    const a = await create({ name: 'Gården ved Åen', postcode: '8600' });
    const b = await create({ name: 'Gaarden ved Aaen', postcode: '8600' });
    const c = await create({ name: 'Tredje Firma', postcode: '8600' });
    visit(a.id, '2011-01-10');
    visit(b.id, '2011-02-10');
    visit(c.id, '2011-02-11');
    referral(a.id, '2011-03-01');
    referral(b.id, '2011-04-01');
    const before = programmeReport(store.db, PERIOD).totals;
    expect(before).toMatchObject({ companies_contacted: 3, referred_vaeksthus: 2 });
    await store.call('companies.merge', { keepId: a.id, mergeId: b.id });
    const after = programmeReport(store.db, PERIOD).totals;
    expect(after).toEqual({ ...before, companies_contacted: 2, referred_vaeksthus: 1 });
  });

  it('refuses a firm with itself, two CVRs, an unknown field and two unsaved new visits, writing nothing', async () => {
    const a = await create({ name: 'Alfa', cvr: '13748136' });
    const b = await create({ name: 'Alfa', cvr: '10000009' });
    const c = await create({ name: 'Alfa' });
    expect((await refusal('companies.merge', { keepId: a.id, mergeId: a.id })).message).toBe(
      'En virksomhed kan ikke lægges sammen med sig selv',
    );
    expect((await refusal('companies.merge', { keepId: a.id, mergeId: b.id })).message).toContain(
      'forskellige CVR-numre (13748136 og 10000009)',
    );
    expect((await refusal('companies.merge', { keepId: a.id, mergeId: c.id, take: ['uuid'] })).message).toContain(
      'uuid',
    );
    for (const id of [a.id, c.id])
      await store.call('drafts.save', { key: `visit:new:${id}`, payload: { notes: 'x' }, companyId: id });
    expect((await refusal('companies.merge', { keepId: a.id, mergeId: c.id })).message).toContain('ikke er gemt');
    expect((await get(c.id)).name).toBe('Alfa');
  });
});

describe('merging firms in two industry systems', () => {
  it('takes the industry system with the industry code', async () => {
    const old = await create({ name: 'Autoværkstedet', industryCode: '452010' });
    const recoded = await create({ name: 'Autoværkstedet ApS', industryCode: '953190' });
    expect([old.industrySystem, recoded.industrySystem]).toEqual(['DB07', 'DB25']);
    await store.call('companies.merge', { keepId: old.id, mergeId: recoded.id, take: ['industryCode'] });
    const kept = await get(old.id);
    expect([kept.industryCode, kept.industrySystem]).toEqual(['953190', 'DB25']);
  });
});
