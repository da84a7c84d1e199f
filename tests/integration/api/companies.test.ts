import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Company } from '../../../src-main/core/companies/schema';
import { openTestStore, type TestStore } from '../../helpers/temp-db';

let store: TestStore;
beforeEach(() => {
  store = openTestStore();
});
afterEach(() => store.close());

async function create(input: Record<string, unknown>): Promise<Company> {
  return (await store.call('companies.create', input)) as Company;
}

describe('creating and editing companies through the API', () => {
  it('stores a company with its owner and records the creation in the history', async () => {
    const c = await create({
      name: '  Ådalens Gårdbutik ',
      cvr: 'DK 1374 8136',
      ownerName: 'Mette Jensen',
      kommuneCode: 710,
      postcode: '8370',
      industryCode: '47.11.20',
      employees: 3,
      founded: '01.04.2009',
      email: 'mette@aadalen.dk',
    });
    expect(c).toMatchObject({
      name: 'Ådalens Gårdbutik',
      cvr: '13748136',
      recordType: 'registered',
      owner: 'Mette Jensen',
      kommune: 'Favrskov',
      industryCode: '471120',
      founded: '2009-04-01',
      status: 'identified',
    });
    const history = (await store.call('companies.history', { id: c.id })) as Array<{ action: string }>;
    expect(history.map((h) => h.action)).toEqual(['create']);
  });

  it('allows a would-be founder without CVR, marked as unregistered', async () => {
    const c = await create({ name: 'Idé: mobilt bageri' });
    expect(c.cvr).toBeNull();
    expect(c.recordType).toBe('unregistered');
  });

  it('refuses bad input with a Danish message per field and saves nothing', async () => {
    await create({ name: 'Først', cvr: '13748136' });
    const r = await store.dispatch('companies.create', {
      name: '',
      cvr: '13748136',
      email: 'ikke-en-mail',
      postcode: '83',
      kommuneCode: 101,
      founded: '31.02.2020',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    const fields = Object.fromEntries((r.error.details?.fields ?? []).map((f) => [f.field, f.message]));
    expect(fields).toEqual({
      name: 'Skal udfyldes',
      cvr: 'CVR-nummeret 13748136 er allerede brugt af Først',
      email: 'E-mailadressen er ikke gyldig',
      postcode: 'Postnummeret skal have 4 cifre',
      kommuneCode: 'Ukendt kommune: 101',
      founded: 'Datoen findes ikke',
    });
    expect(store.db.prepare('SELECT count(*) AS n FROM companies').get()).toEqual({ n: 1 });
  });

  it('refuses an invalid CVR checksum and an oversized name', async () => {
    const bad = await store.dispatch('companies.create', { name: 'X', cvr: '24256791' });
    expect(bad.ok || bad.error.message).toBe('CVR-nummeret 24256791 findes ikke (kontrolcifferet passer ikke)');
    const long = await store.dispatch('companies.create', { name: 'x'.repeat(201) });
    expect(long.ok || long.error.details?.fields?.[0]).toEqual({ field: 'name', message: 'Højst 200 tegn' });
  });

  it('does not let a recorded CVR change silently, only through an audited correction', async () => {
    const c = await create({ name: 'Smedjen', cvr: '13748136' });
    const silent = await store.dispatch('companies.update', { id: c.id, changes: { cvr: '24256790' } });
    expect(silent.ok).toBe(false);
    const unchanged = (await store.call('companies.get', { id: c.id })) as Company;
    expect(unchanged.cvr).toBe('13748136');

    const noReason = await store.dispatch('companies.correctCvr', { id: c.id, cvr: '24256790', reason: ' ' });
    expect(noReason.ok).toBe(false);
    const fixed = (await store.call('companies.correctCvr', {
      id: c.id,
      cvr: '24256790',
      reason: 'Tastefejl ved oprettelse',
    })) as Company;
    expect(fixed.cvr).toBe('24256790');
    const history = (await store.call('companies.history', { id: c.id })) as Array<{
      action: string;
      reason: string | null;
      before: unknown;
      after: unknown;
    }>;
    expect(history[0]).toMatchObject({
      action: 'correct',
      reason: 'Tastefejl ved oprettelse',
      before: { cvr: '13748136' },
      after: { cvr: '24256790' },
    });
  });

  it('fills in a missing CVR once and records only changed fields', async () => {
    const c = await create({ name: 'Nystartet' });
    const updated = (await store.call('companies.update', {
      id: c.id,
      changes: { cvr: '24256790', city: 'Ry', name: 'Nystartet' },
    })) as Company;
    expect(updated).toMatchObject({ cvr: '24256790', recordType: 'registered', city: 'Ry' });
    const history = (await store.call('companies.history', { id: c.id })) as Array<{
      action: string;
      after: Record<string, unknown>;
    }>;
    expect(history[0]?.action).toBe('update');
    expect(Object.keys(history[0]?.after ?? {}).sort()).toEqual(['city', 'cvr', 'record_type']);
  });

  it('adds a consultant typed by name together with the company, or not at all', async () => {
    const consultants = () =>
      (store.db.prepare('SELECT name FROM consultants').all() as Array<{ name: string }>).map((r) => r.name);
    const refused = await store.dispatch('companies.create', {
      name: 'Smedjen',
      cvr: '24256791',
      consultantName: 'Ny Konsulent',
    });
    expect(refused.ok).toBe(false);
    expect(consultants()).not.toContain('Ny Konsulent');

    const c = await create({ name: 'Smedjen', consultantName: ' Ny Konsulent ' });
    expect(c.consultant).toBe('Ny Konsulent');
    const other = await create({ name: 'Bageriet', consultantName: 'Ny Konsulent' });
    expect(other.consultantId).toBe(c.consultantId);

    const moved = await store.dispatch('companies.update', {
      id: c.id,
      changes: { employees: -1 },
      consultantName: 'Tredje Konsulent',
    });
    expect(moved.ok).toBe(false);
    expect(consultants()).not.toContain('Tredje Konsulent');
    const updated = (await store.call('companies.update', {
      id: c.id,
      changes: {},
      consultantName: 'Tredje Konsulent',
    })) as Company;
    expect(updated.consultant).toBe('Tredje Konsulent');
  });

  it('manages contact persons and keeps the owner searchable', async () => {
    const c = await create({ name: 'Bed & Breakfast Bakkely' });
    const contact = (await store.call('contacts.create', {
      companyId: c.id,
      name: 'Jens Bakke',
      role: 'Ejer',
      isOwner: true,
    })) as { id: number };
    const page = (await store.call('companies.list', { search: 'bakke' })) as { total: number };
    expect(page.total).toBe(1);
    await store.call('contacts.update', { id: contact.id, changes: { name: 'Jens Holm' } });
    expect(((await store.call('companies.list', { search: 'holm' })) as { total: number }).total).toBe(1);
    await store.call('contacts.delete', { id: contact.id });
    expect(((await store.call('companies.list', { search: 'holm' })) as { total: number }).total).toBe(0);
    const bad = await store.dispatch('contacts.create', { companyId: 9999, name: 'Nogen' });
    expect(bad.ok || bad.error.code).toBe('not_found');
  });

  it('answers in English when the language setting says so', async () => {
    await store.call('settings.update', { 'ui.language': 'en' });
    const r = await store.dispatch('companies.create', { name: 'X', cvr: '24256791' });
    expect(r.ok || r.error.message).toBe('CVR number 24256791 does not exist (the check digit is wrong)');
  });
});

describe('the dispatcher', () => {
  it('turns unknown methods, wrong types and junk into typed errors, never a throw', async () => {
    const inputs: Array<[unknown, unknown]> = [
      ['no.such', {}],
      [42, {}],
      [null, null],
      ['companies.get', { id: 'x' }],
      ['companies.get', null],
      ['companies.list', { limit: 100000 }],
      ['companies.create', 'text'],
      ['views.save', { name: '', state: {} }],
      ['__proto__', {}],
      ['constructor', {}],
      ['toString', {}],
    ];
    for (const [method, input] of inputs) {
      const r = await store.dispatch(method, input);
      expect(r.ok, `${String(method)} should fail`).toBe(false);
      if (!r.ok) {
        expect(typeof r.error.code).toBe('string');
        expect(r.error.message.length).toBeGreaterThan(0);
      }
    }
  });

  it('validates form fields without saving (companies.validate)', async () => {
    const v = (await store.call('companies.validate', { cvr: '24256791', email: 'a@b.dk' })) as { fields: unknown[] };
    expect(v.fields).toEqual([
      { field: 'cvr', message: 'CVR-nummeret 24256791 findes ikke (kontrolcifferet passer ikke)' },
    ]);
    expect(store.db.prepare('SELECT count(*) AS n FROM companies').get()).toEqual({ n: 0 });
  });

  it('gives a postcode suggestion and the reference lists', async () => {
    expect(await store.call('reference.postcode', { postcode: '8370' })).toEqual({ city: 'Hadsten', kommuneCode: 710 });
    expect(await store.call('reference.postcode', { postcode: '1000' })).toBeNull();
    expect(((await store.call('reference.kommuner')) as unknown[]).length).toBe(19);
    const c = (await store.call('consultants.ensure', { name: 'Anne Konsulent' })) as { id: number; initials: string };
    expect(c.initials).toBe('AK');
    expect(((await store.call('consultants.ensure', { name: 'Anne Konsulent' })) as { id: number }).id).toBe(c.id);
  });

  it('saves, replaces and deletes named views', async () => {
    const state = {
      sort: [{ column: 'city', desc: true }],
      filters: { kommune: [751] },
      search: 'smed',
      columnOrder: [],
      hiddenColumns: ['phone'],
    };
    const v = (await store.call('views.save', { name: 'Aarhus', state })) as { id: number };
    await store.call('views.save', { name: 'Aarhus', state: { ...state, search: 'bager' } });
    const views = (await store.call('views.list')) as Array<{ id: number; state: { search: string } }>;
    expect(views).toHaveLength(1);
    expect(views[0]?.state.search).toBe('bager');
    await store.call('views.delete', { id: v.id });
    expect(await store.call('views.list')).toEqual([]);
  });
});

describe('a firm carries its industry system', () => {
  it('puts a firm typed in without one in DB25, or in DB07 when only DB07 has its code', async () => {
    expect((await create({ name: 'Ny frisør', industryCode: '96.21.00' })).industrySystem).toBe('DB25');
    expect((await create({ name: 'Uden kode' })).industrySystem).toBe('DB25');
    // 45.20.10 is DB07's car repair; DB25 moved it to division 95.
    expect((await create({ name: 'Gammelt værksted', industryCode: '452010' })).industrySystem).toBe('DB07');
    const chosen = await create({ name: 'Valgt', industryCode: '011100', industrySystem: 'DB07' });
    expect(chosen.industrySystem).toBe('DB07');
  });

  it('refuses a typed code its system does not have, naming code and system', async () => {
    const r = await store.dispatch('companies.create', {
      name: 'Tastefejl',
      industryCode: '452010',
      industrySystem: 'DB25',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details?.fields).toEqual([
      {
        field: 'industryCode',
        message: 'Branchekoden 452010 findes ikke i DB25; ret koden eller vælg det andet branchesystem',
      },
    ]);
    const c = await create({ name: 'Værksted', industryCode: '452010' });
    const moved = await store.dispatch('companies.update', { id: c.id, changes: { industrySystem: 'DB25' } });
    expect(moved.ok).toBe(false);
    const recoded = (await store.call('companies.update', {
      id: c.id,
      changes: { industryCode: '95.31.90', industrySystem: 'DB25' },
    })) as Company;
    expect([recoded.industryCode, recoded.industrySystem]).toEqual(['953190', 'DB25']);
  });

  it('keeps a stored code its table lacks when other fields change', async () => {
    const c = await create({ name: 'Importeret' });
    store.db.prepare(`UPDATE companies SET industry_code = '123456', industry_system = 'DB25' WHERE id = ?`).run(c.id);
    const r = (await store.call('companies.update', { id: c.id, changes: { phone: '12345678' } })) as Company;
    expect([r.industryCode, r.phone]).toEqual(['123456', '12345678']);
  });
});
