import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Company } from '../../../src-main/core/companies/schema';
import type { LagApplication, SupportScheme } from '../../../src-main/core/lag/lag-schema';
import type { Network, NetworkMember } from '../../../src-main/core/networks/network-schema';
import type { Referral } from '../../../src-main/core/referrals/referral-schema';
import { orgId } from '../../helpers/documents-fixtures';
import { openTestStore, type TestStore } from '../../helpers/temp-db';

let store: TestStore;
let company: Company;
let contactId: number;
beforeEach(async () => {
  store = openTestStore();
  company = (await store.call('companies.create', {
    name: 'Smedjen i Ørum',
    cvr: '13748136',
    kommuneCode: 707,
  })) as Company;
  contactId = ((await store.call('contacts.create', { companyId: company.id, name: 'Søren Smed' })) as { id: number })
    .id;
});
afterEach(() => store.close());

async function failure(method: string, input: unknown) {
  const r = await store.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return {
    code: r.error.code,
    message: r.error.message,
    fields: Object.fromEntries((r.error.details?.fields ?? []).map((f) => [f.field, f.message])),
  };
}

async function referral(extra: Record<string, unknown> = {}): Promise<Referral> {
  return (await store.call('referrals.create', {
    companyId: company.id,
    organisationId: await orgId(store, 'Væksthus Midtjylland'),
    contactId,
    reason: 'Brug for eksportrådgivning',
    needs: ['export'],
    ...extra,
  })) as Referral;
}

describe('referrals', () => {
  it('creates a draft with the names a list needs, and what it may move to', async () => {
    const r = await referral({ consentOn: '14.10.2011' });
    expect(r).toMatchObject({
      status: 'draft',
      allowedNext: ['sent'],
      companyName: 'Smedjen i Ørum',
      organisationName: 'Væksthus Midtjylland',
      organisationType: 'vaeksthus',
      contactName: 'Søren Smed',
      needs: ['export'],
      consentOn: '2011-10-14',
    });
    const listed = (await store.call('referrals.list', { companyId: company.id })) as Referral[];
    expect(listed.map((x) => x.id)).toEqual([r.id]);
  });

  it('refuses a contact person from another company and an unknown organisation, on the field', async () => {
    const other = (await store.call('companies.create', { name: 'Bageriet' })) as Company;
    const stranger = (await store.call('contacts.create', { companyId: other.id, name: 'Fremmed' })) as { id: number };
    expect(
      (
        await failure('referrals.create', {
          companyId: company.id,
          organisationId: 1,
          contactId: stranger.id,
          reason: 'x',
        })
      ).fields,
    ).toEqual({
      contactId: 'Kontaktpersonen hører til en anden virksomhed',
    });
    expect(
      (await failure('referrals.create', { companyId: company.id, organisationId: 999, reason: 'x' })).fields,
    ).toEqual({
      organisationId: 'Organisationen findes ikke',
    });
    expect((await store.call('referrals.list', {})) as unknown[]).toHaveLength(0);
  });

  it('is only sent with the firm’s consent, and never dated before it or in the future', async () => {
    const r = await referral();
    expect((await failure('referrals.setStatus', { id: r.id, status: 'sent', date: '2011-10-17' })).message).toBe(
      'Virksomheden skal have givet samtykke til henvisningen, før den sendes',
    );
    await store.call('referrals.update', { id: r.id, changes: { consentOn: '2011-10-14' } });
    expect((await failure('referrals.setStatus', { id: r.id, status: 'sent', date: '2011-10-13' })).message).toBe(
      'Henvisningen kan ikke sendes før samtykket blev givet',
    );
    expect((await failure('referrals.setStatus', { id: r.id, status: 'sent', date: '2999-01-01' })).message).toBe(
      'Datoen må ikke ligge i fremtiden',
    );
    const sent = (await store.call('referrals.setStatus', {
      id: r.id,
      status: 'sent',
      date: '17.10.2011',
    })) as Referral;
    expect(sent).toMatchObject({ status: 'sent', sentAt: '2011-10-17', allowedNext: ['received', 'declined'] });
  });

  it('follows the allowed path only and records each step in the history', async () => {
    const r = await referral({ consentOn: '2011-10-14' });
    const skip = await failure('referrals.setStatus', { id: r.id, status: 'closed' });
    expect(skip).toMatchObject({ code: 'conflict', message: 'Status kan ikke skifte fra "Kladde" til "Afsluttet"' });
    await store.call('referrals.setStatus', { id: r.id, status: 'sent', date: '2011-10-17' });
    expect((await failure('referrals.setStatus', { id: r.id, status: 'received', date: '2011-10-16' })).message).toBe(
      'Datoen ligger før det forrige trin (17.10.2011)',
    );
    await store.call('referrals.setStatus', { id: r.id, status: 'received', date: '2011-10-20' });
    await store.call('referrals.setStatus', { id: r.id, status: 'in_progress', date: '2011-10-25' });
    const closed = (await store.call('referrals.setStatus', {
      id: r.id,
      status: 'closed',
      date: '2011-12-01',
    })) as Referral;
    expect(closed).toMatchObject({
      status: 'closed',
      receivedAt: '2011-10-20',
      closedAt: '2011-12-01',
      allowedNext: [],
    });
    const history = (await store.call('companies.history', { id: company.id })) as Array<{
      entity: string;
      after: Record<string, unknown> | null;
    }>;
    const steps = history.filter((h) => h.entity === 'referral').map((h) => h.after?.status ?? 'create');
    expect(steps.reverse()).toEqual(['draft', 'sent', 'received', 'in_progress', 'closed']);
  });

  it('records a grant awarded later, with amount and date, not on a draft', async () => {
    const r = await referral({ consentOn: '2011-10-14' });
    expect(
      (
        await failure('referrals.setOutcome', {
          id: r.id,
          outcome: 'grant_awarded',
          amountOre: 1,
          outcomeOn: '2011-11-01',
        })
      ).code,
    ).toBe('conflict');
    await store.call('referrals.setStatus', { id: r.id, status: 'sent', date: '2011-10-17' });
    expect(
      (await failure('referrals.setOutcome', { id: r.id, outcome: 'grant_awarded', outcomeOn: '2011-11-01' })).fields,
    ).toEqual({
      amountOre: 'Angiv det bevilgede beløb',
    });
    expect(
      (
        await failure('referrals.setOutcome', {
          id: r.id,
          outcome: 'grant_awarded',
          amountOre: 5_000_000,
          outcomeOn: '2011-10-01',
        })
      ).fields,
    ).toEqual({ outcomeOn: 'Datoen ligger før det forrige trin (17.10.2011)' });
    const done = (await store.call('referrals.setOutcome', {
      id: r.id,
      outcome: 'grant_awarded',
      amountOre: 5_000_000,
      outcomeOn: '2012-01-09',
      note: 'Tilskud til eksportrådgivning',
    })) as Referral;
    expect(done).toMatchObject({ outcome: 'grant_awarded', outcomeAmountOre: 5_000_000, outcomeOn: '2012-01-09' });
    const cleared = (await store.call('referrals.setOutcome', { id: r.id, outcome: null })) as Referral;
    expect(cleared).toMatchObject({ outcome: null, outcomeAmountOre: null, outcomeOn: null });
  });

  it('deletes a referral with an audit entry, and goes with its company', async () => {
    const r = await referral();
    await store.call('referrals.delete', { id: r.id });
    expect(await store.call('referrals.list', {})).toEqual([]);
    await referral();
    store.db.prepare('DELETE FROM companies WHERE id = ?').run(company.id);
    expect(store.db.prepare('SELECT count(*) AS n FROM referrals').get()).toEqual({ n: 0 });
  });
});

describe('support schemes', () => {
  it('are seeded as editable data with the LAG limits', async () => {
    const schemes = (await store.call('schemes.list')) as SupportScheme[];
    const lag = schemes.find((s) => s.code === 'lag_erhverv_2007');
    expect(lag).toMatchObject({
      kind: 'lag',
      maxGrantBp: 5000,
      maxGrantBpFood: 4000,
      minAmountOre: 5_000_000,
      deMinimis: true,
    });
    expect(schemes.filter((s) => s.kind === 'advice').map((s) => s.operator)).toEqual(
      expect.arrayContaining(['Væksthus Midtjylland', 'Erhvervshus Midtjylland']),
    );
    const changed = (await store.call('schemes.update', {
      id: lag?.id,
      changes: { minAmountOre: 7_500_000 },
    })) as SupportScheme;
    expect(changed.minAmountOre).toBe(7_500_000);
    expect((await failure('schemes.update', { id: lag?.id, changes: { validTo: '2000-01-01' } })).fields).toEqual({
      validTo: 'Slutdatoen ligger før startdatoen',
    });
  });
});

describe('LAG applications', () => {
  async function application(extra: Record<string, unknown> = {}): Promise<LagApplication> {
    return (await store.call('lag.create', {
      companyId: company.id,
      lagId: await orgId(store, 'LAG Djursland'),
      title: 'Ny smedje',
      periodStart: '2012-03-01',
      periodEnd: '2012-12-31',
      grantRequestedOre: 10_000_000,
      ownCashOre: 10_000_000,
      budget: [
        {
          category: 'Bygning',
          description: 'Værksted',
          supplier: 'Murer Mads',
          amountOre: 15_000_000,
          quoteRef: 'M-1',
        },
        { category: 'Udstyr', description: 'Esse', amountOre: 5_000_000 },
      ],
      ...extra,
    })) as LagApplication;
  }

  it('stores budget lines in order and computes the financing with the scheme valid at the start', async () => {
    const a = await application();
    expect(a.budget.map((l) => [l.position, l.category, l.amountOre])).toEqual([
      [1, 'Bygning', 15_000_000],
      [2, 'Udstyr', 5_000_000],
    ]);
    expect(a.schemeName).toBe('LAG-tilskud til erhvervsprojekter (Landdistriktsprogrammet 2007–2013)');
    expect(a.financing).toMatchObject({
      budgetTotalOre: 20_000_000,
      grantShareBp: 5000,
      maxGrantBp: 5000,
      differenceOre: 0,
    });
    expect(a.status).toBe('idea');
  });

  it('only takes a LAG as the LAG, and a period that ends after it starts', async () => {
    const wrong = await failure('lag.create', {
      companyId: company.id,
      lagId: await orgId(store, 'Væksthus Midtjylland'),
      title: 'X',
    });
    expect(wrong.fields).toEqual({ lagId: 'Vælg en organisation af typen LAG' });
    expect(
      (
        await failure('lag.create', {
          companyId: company.id,
          lagId: await orgId(store, 'LAG Djursland'),
          title: 'X',
          periodStart: '2012-05-01',
          periodEnd: '2012-04-01',
        })
      ).fields,
    ).toEqual({
      periodEnd: 'Slutdatoen ligger før startdatoen',
    });
    expect(
      (await failure('lag.create', { companyId: company.id, lagId: 1, title: 'X', grantRequestedOre: -5 })).fields,
    ).toEqual({
      grantRequestedOre: 'Beløbet kan ikke være negativt',
    });
  });

  it('replaces the budget as one grid and warns above 40 % for a food-processing SME', async () => {
    const a = await application();
    const food = (await store.call('lag.update', { id: a.id, changes: { foodProcessing: true } })) as LagApplication;
    expect(food.financing.maxGrantBp).toBe(4000);
    expect(food.financing.checks.map((c) => c.code)).toContain('lag.check.grantShareHigh');
    const rebudgeted = (await store.call('lag.setBudget', {
      id: a.id,
      lines: [{ category: 'Udstyr', description: 'Esse og ambolt', amountOre: 25_000_000 }],
    })) as LagApplication;
    expect(rebudgeted.budget).toHaveLength(1);
    expect(rebudgeted.financing.grantShareBp).toBe(4000);
    expect(rebudgeted.financing.checks.map((c) => c.code)).not.toContain('lag.check.grantShareHigh');
  });

  it('saves the edited fields and the budget in one call, or neither', async () => {
    const a = await application();
    const lines = [{ category: 'Udstyr', description: 'Esse og ambolt', amountOre: 25_000_000 }];
    const refused = await failure('lag.update', {
      id: a.id,
      changes: { title: 'Ny titel', periodEnd: '2012-01-01' },
      budget: lines,
    });
    expect(refused.fields).toEqual({ periodEnd: 'Slutdatoen ligger før startdatoen' });
    const unchanged = (await store.call('lag.get', { id: a.id })) as LagApplication;
    expect(unchanged.title).toBe('Ny smedje');
    expect(unchanged.budget.map((l) => l.description)).toEqual(a.budget.map((l) => l.description));

    const saved = (await store.call('lag.update', {
      id: a.id,
      changes: { title: 'Ny titel' },
      budget: lines,
    })) as LagApplication;
    expect(saved.title).toBe('Ny titel');
    expect(saved.budget.map((l) => [l.description, l.amountOre])).toEqual([['Esse og ambolt', 25_000_000]]);
  });

  it('moves through submission and decision, checking the start date against the day the LAG received it', async () => {
    const a = await application({ periodStart: '2011-09-01', periodEnd: '2012-06-30' });
    expect((await failure('lag.setStatus', { id: a.id, status: 'submitted', date: '2011-10-01' })).code).toBe(
      'conflict',
    );
    await store.call('lag.setStatus', { id: a.id, status: 'drafting' });
    const submitted = (await store.call('lag.setStatus', {
      id: a.id,
      status: 'submitted',
      date: '2011-10-01',
    })) as LagApplication;
    expect(submitted.submittedAt).toBe('2011-10-01');
    expect(submitted.financing.checks.find((c) => c.code === 'lag.check.startBeforeReceived')?.message).toBe(
      'Projektet starter 01.09.2011, før LAG modtog ansøgningen (01.10.2011). Projektet må ikke starte, før LAG har modtaget ansøgningen.',
    );
    const fixed = (await store.call('lag.update', {
      id: a.id,
      changes: { periodStart: '2011-11-01' },
    })) as LagApplication;
    expect(fixed.financing.checks.map((c) => c.code)).not.toContain('lag.check.startBeforeReceived');
    await store.call('lag.setStatus', { id: a.id, status: 'recommended', date: '2011-11-15' });
    const approved = (await store.call('lag.setStatus', {
      id: a.id,
      status: 'approved',
      date: '2011-12-20',
      grantAwardedOre: 9_500_000,
    })) as LagApplication;
    expect(approved).toMatchObject({
      decidedAt: '2011-12-20',
      grantAwardedOre: 9_500_000,
      allowedNext: ['paid', 'closed'],
    });
    expect((await failure('lag.setStatus', { id: a.id, status: 'paid', date: '2011-09-01' })).message).toBe(
      'Datoen ligger før ansøgningen blev indsendt (01.10.2011)',
    );
  });

  it('previews the financing of unsaved figures', async () => {
    const preview = (await store.call('lag.previewFinancing', {
      lines: [{ category: 'Udstyr', amountOre: 10_000_000 }],
      grantRequestedOre: 6_000_000,
      ownCashOre: 4_000_000,
    })) as LagApplication['financing'];
    expect(preview.grantShareBp).toBe(6000);
    expect(preview.checks.map((c) => c.code)).toEqual(['lag.check.noScheme', 'lag.check.grantShareHigh']);
  });
});

describe('knowledge contacts', () => {
  it('names an institution or a person, never neither, and not in the future', async () => {
    const k = await store.call('knowledge.create', {
      companyId: company.id,
      organisationId: await orgId(store, 'Alexandra Instituttet'),
      type: 'institution',
      contactOn: '20.09.2011',
      outcome: 'Workshop om webshop',
    });
    expect(k).toMatchObject({ organisationName: 'Alexandra Instituttet', contactOn: '2011-09-20' });
    expect(
      (await failure('knowledge.create', { companyId: company.id, type: 'mentor', contactOn: '2011-09-20' })).fields,
    ).toEqual({
      personName: 'Angiv en organisation eller en person',
    });
    expect(
      (
        await failure('knowledge.create', {
          companyId: company.id,
          type: 'mentor',
          personName: 'Ole',
          contactOn: '2999-01-01',
        })
      ).fields,
    ).toEqual({ contactOn: 'Datoen må ikke ligge i fremtiden' });
    await store.call('knowledge.create', {
      companyId: company.id,
      type: 'mentor',
      personName: 'Ole Mentor',
      contactOn: '2011-10-02',
    });
    const list = (await store.call('knowledge.list', { companyId: company.id })) as Array<{
      personName: string | null;
    }>;
    expect(list.map((x) => x.personName)).toEqual(['Ole Mentor', null]);
  });
});

describe('networks', () => {
  it('keeps members with joined and left dates, and lets a company rejoin only after leaving', async () => {
    const n = (await store.call('networks.create', {
      name: 'Djurslands smedelaug',
      theme: 'Håndværk',
      foundedOn: '2011-05-01',
      facilitator: 'Anne',
    })) as Network;
    const m = (await store.call('networks.addMember', {
      networkId: n.id,
      companyId: company.id,
      joinedOn: '2011-05-01',
    })) as NetworkMember;
    expect(
      (await failure('networks.addMember', { networkId: n.id, companyId: company.id, joinedOn: '2011-08-01' })).fields,
    ).toEqual({
      companyId: 'Smedjen i Ørum er allerede medlem af netværket i den periode',
    });
    expect((await failure('networks.updateMember', { id: m.id, leftOn: '2011-04-01' })).fields).toEqual({
      leftOn: 'Udmeldelsen ligger før indmeldelsen',
    });
    await store.call('networks.updateMember', { id: m.id, leftOn: '2011-09-30' });
    await store.call('networks.addMember', { networkId: n.id, companyId: company.id, joinedOn: '2011-11-01' });
    const other = (await store.call('companies.create', { name: 'Bageriet' })) as Company;
    expect(
      (await failure('networks.addMember', { networkId: n.id, companyId: other.id, joinedOn: '2011-04-30' })).fields,
    ).toEqual({
      joinedOn: 'Netværket blev først stiftet 01.05.2011',
    });
    await store.call('networks.addMeeting', { networkId: n.id, heldOn: '2011-06-14', place: 'Ørum Kro', attendees: 7 });
    const full = (await store.call('networks.get', { id: n.id })) as Network;
    expect(full.members.map((x) => [x.joinedOn, x.leftOn])).toEqual([
      ['2011-05-01', '2011-09-30'],
      ['2011-11-01', null],
    ]);
    expect(full).toMatchObject({ memberCount: 1, meetingCount: 1, lastMeetingOn: '2011-06-14' });
    expect(((await store.call('networks.forCompany', { companyId: company.id })) as unknown[]).length).toBe(2);
  });

  it('lists networks founded in a period (the KPI) and forgets a deleted company’s memberships', async () => {
    await store.call('networks.create', { name: 'A', foundedOn: '2010-06-01' });
    const b = (await store.call('networks.create', { name: 'B', foundedOn: '2011-06-01' })) as Network;
    const inPeriod = (await store.call('networks.list', {
      foundedFrom: '2011-01-01',
      foundedTo: '2011-12-31',
    })) as Network[];
    expect(inPeriod.map((x) => x.name)).toEqual(['B']);
    await store.call('networks.addMember', { networkId: b.id, companyId: company.id, joinedOn: '2011-06-01' });
    store.db.prepare('DELETE FROM companies WHERE id = ?').run(company.id);
    expect(((await store.call('networks.get', { id: b.id })) as Network).members).toEqual([]);
  });
});
