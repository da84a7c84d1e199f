import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ApplyTagsResult,
  CaseloadPage,
  Company,
  ImportReport,
  ProgrammeReport,
  Tag,
} from '../../../../src-main/api/contract';
import { parseCsv } from '../../../../src-main/core/interop/csv/csv-parse';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

let store: TestStore;
beforeEach(() => {
  store = openTestStore();
});
afterEach(() => store.close());

const create = async (name: string) => (await store.call('companies.create', { name })) as Company;
const setTags = async (companyId: number, tags: string[]) =>
  (await store.call('companies.setTags', { companyId, tags })) as string[];
const tagList = async () => (await store.call('tags.list', {})) as Tag[];
const tagId = async (name: string) => (await tagList()).find((t) => t.name === name)?.id ?? 0;
const page = async (filters: Record<string, unknown>, sort: unknown[] = []) =>
  (await store.call('companies.list', { filters, sort })) as CaseloadPage;
const tagsTextOf = (id: number) =>
  store.db.prepare('SELECT tags_text FROM companies WHERE id = ?').pluck().get(id) as string | null;
const historyOf = (id: number) =>
  store.db
    .prepare("SELECT before, after FROM audit_log WHERE entity = 'company' AND action = 'update' AND company_id = ?")
    .all(id) as Array<{ before: string; after: string }>;
async function refusal(method: string, input: unknown) {
  const r = await store.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}

describe('tags on a firm', () => {
  it('are one tag whatever the case or spacing, shown joined in the caseload, with a line in the history', async () => {
    const farm = await create('Ådalens Gårdbutik ApS');
    expect(await setTags(farm.id, ['  Fødevarer ', 'generationsskifte  2027', 'FØDEVARER'])).toEqual([
      'Fødevarer',
      'generationsskifte 2027',
    ]);
    const smithy = await create('Søholm Smedje');
    await setTags(smithy.id, ['fødevarer']);
    expect(await tagList()).toEqual([
      { id: expect.any(Number), name: 'Fødevarer', companies: 2 },
      { id: expect.any(Number), name: 'generationsskifte 2027', companies: 1 },
    ]);
    const rows = (await page({})).rows;
    expect(rows.map((r) => [r.name, r.tags])).toEqual([
      ['Søholm Smedje', 'Fødevarer'],
      ['Ådalens Gårdbutik ApS', 'Fødevarer; generationsskifte 2027'],
    ]);
    expect((await store.call('companies.get', { id: farm.id })) as Company).toMatchObject({
      tags: 'Fødevarer; generationsskifte 2027',
    });
    expect(historyOf(farm.id).map((h) => [JSON.parse(h.before), JSON.parse(h.after)])).toEqual([
      [{ tags: null }, { tags: 'Fødevarer; generationsskifte 2027' }],
    ]);

    // Setting the same tags again changes nothing and writes no second line.
    await setTags(farm.id, ['Fødevarer', 'Generationsskifte 2027']);
    expect(historyOf(farm.id)).toHaveLength(1);
    await setTags(farm.id, []);
    expect(tagsTextOf(farm.id)).toBeNull();
    expect(historyOf(farm.id)).toHaveLength(2);
  });

  it('refuses an empty or overlong tag and an unknown firm, writing nothing', async () => {
    const farm = await create('Ådalens Gårdbutik ApS');
    expect(
      (await refusal('companies.setTags', { companyId: farm.id, tags: ['  '] })).details?.fields?.[0],
    ).toMatchObject({
      field: 'tags.0',
    });
    expect((await refusal('companies.setTags', { companyId: farm.id, tags: ['x'.repeat(61)] })).code).toBe(
      'invalid_input',
    );
    expect((await refusal('companies.setTags', { companyId: 999, tags: ['Fødevarer'] })).code).toBe('not_found');
    expect(await tagList()).toEqual([]);
  });

  it('filter the caseload to firms carrying any chosen tag, and a saved view keeps the filter', async () => {
    const a = await create('Bøgely Gård');
    const b = await create('Fjordens Fisk');
    const c = await create('Hedens Bryghus');
    await setTags(a.id, ['Fødevarer', 'Eksport']);
    await setTags(b.id, ['Fødevarer']);
    await setTags(c.id, ['Eksport']);
    const food = await tagId('Fødevarer');
    const exp = await tagId('Eksport');
    expect((await page({ tags: [food] })).rows.map((r) => r.name)).toEqual(['Bøgely Gård', 'Fjordens Fisk']);
    expect((await page({ tags: [exp] })).rows.map((r) => r.name)).toEqual(['Bøgely Gård', 'Hedens Bryghus']);
    expect((await page({ tags: [food, exp] })).total).toBe(3);
    expect((await page({ tags: [food] })).total).toBe(2);
    expect((await page({}, [{ column: 'tags', desc: false }])).rows.map((r) => r.tags)).toEqual([
      'Eksport',
      'Eksport; Fødevarer',
      'Fødevarer',
    ]);
    const view = (await store.call('views.save', {
      name: 'Fødevarer',
      state: { filters: { tags: [food] }, search: '', sort: [], columnOrder: [], hiddenColumns: [] },
    })) as { id: number; state: { filters: { tags?: number[] } } };
    expect(view.state.filters.tags).toEqual([food]);
  });
});

describe('tags on many firms at once', () => {
  it('adds and removes in one go, with a history line on each firm that changed; a dry run writes nothing', async () => {
    const ids: number[] = [];
    for (const name of ['Bøgely Gård', 'Fjordens Fisk', 'Hedens Bryghus']) ids.push((await create(name)).id);
    await setTags(ids[0] ?? 0, ['Fødevarer', 'Gammel']);
    const before = store.db.prepare('SELECT count(*) FROM audit_log').pluck().get();

    const dry = (await store.call('tags.apply', {
      scope: { kind: 'companies', ids },
      add: ['Fødevarer'],
      remove: ['gammel'],
      dryRun: true,
    })) as ApplyTagsResult;
    expect(dry).toEqual({ companies: 3, changed: 3, dryRun: true });
    expect(store.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
    expect(tagsTextOf(ids[1] ?? 0)).toBeNull();

    const done = (await store.call('tags.apply', {
      scope: { kind: 'query', filters: {}, search: 'gård' },
      add: ['Fødevarer', 'Netværk 2027'],
      remove: ['gammel'],
    })) as ApplyTagsResult;
    expect(done).toEqual({ companies: 1, changed: 1, dryRun: false });
    expect(tagsTextOf(ids[0] ?? 0)).toBe('Fødevarer; Netværk 2027');

    const all = (await store.call('tags.apply', {
      scope: { kind: 'companies', ids },
      add: ['Fødevarer'],
    })) as ApplyTagsResult;
    expect(all).toEqual({ companies: 3, changed: 2, dryRun: false });
    expect(ids.map(tagsTextOf)).toEqual(['Fødevarer; Netværk 2027', 'Fødevarer', 'Fødevarer']);
    expect(historyOf(ids[1] ?? 0)).toHaveLength(1);
  });

  it('refuses an empty selection, nothing to apply and an unknown firm, writing nothing', async () => {
    const a = await create('Bøgely Gård');
    expect(
      (await refusal('tags.apply', { scope: { kind: 'query', filters: {}, search: 'ingenting' }, add: ['X'] })).message,
    ).toBe('Ingen virksomheder er valgt');
    expect((await refusal('tags.apply', { scope: { kind: 'companies', ids: [a.id] } })).message).toContain(
      'Vælg mindst ét tag at tilføje eller fjerne',
    );
    expect((await refusal('tags.apply', { scope: { kind: 'companies', ids: [a.id, 999] }, add: ['X'] })).code).toBe(
      'not_found',
    );
    expect(await tagList()).toEqual([]);
    expect(tagsTextOf(a.id)).toBeNull();
  });
});

describe('renaming and deleting a tag', () => {
  it('renames it on every firm, refuses a name another tag has, and deletes it with a line on each firm', async () => {
    const a = await create('Bøgely Gård');
    const b = await create('Fjordens Fisk');
    await setTags(a.id, ['Fødevarer', 'Eksport']);
    await setTags(b.id, ['Fødevarer']);
    const food = await tagId('Fødevarer');
    expect((await refusal('tags.rename', { id: food, name: 'eksport' })).message).toBe(
      'Der findes allerede et tag, der hedder «eksport»',
    );
    expect(await store.call('tags.rename', { id: food, name: 'Lokale fødevarer' })).toMatchObject({
      name: 'Lokale fødevarer',
      companies: 2,
    });
    expect([tagsTextOf(a.id), tagsTextOf(b.id)]).toEqual(['Eksport; Lokale fødevarer', 'Lokale fødevarer']);
    expect(await store.call('tags.delete', { id: food })).toEqual({ companies: 2 });
    expect([tagsTextOf(a.id), tagsTextOf(b.id)]).toEqual(['Eksport', null]);
    expect(JSON.parse(historyOf(b.id).at(-1)?.after ?? '{}')).toEqual({ tags: null });
  });
});

describe('tags travel with the firm', () => {
  it('are kept once when two firms carrying the same tag are merged, and go with an erased firm', async () => {
    const keep = (await store.call('companies.create', { name: 'Bøgely Gård', cvr: '13748136' })) as Company;
    const twin = await create('Bøgely Gård');
    await setTags(keep.id, ['Fødevarer']);
    await setTags(twin.id, ['fødevarer', 'Eksport']);
    await store.call('companies.merge', { keepId: keep.id, mergeId: twin.id });
    expect(tagsTextOf(keep.id)).toBe('Eksport; Fødevarer');
    expect(store.db.prepare('SELECT count(*) FROM company_tags').pluck().get()).toBe(2);
    await store.call('privacy.deleteCompany', { id: keep.id, confirmName: 'Bøgely Gård' });
    expect(store.db.prepare('SELECT count(*) FROM company_tags').pluck().get()).toBe(0);
  });

  it('are a column in the CSV export and come back through a caseload file into another database', async () => {
    const a = await create('Bøgely Gård');
    await setTags(a.id, ['Fødevarer', 'Generationsskifte 2027']);
    const csv = path.join(store.dir, 'ud.csv');
    await store.call('interop.export', { format: 'csv', path: csv });
    const [header, row] = [...parseCsv(fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''), ';', 'ud.csv')].map(
      (r) => r.cells,
    );
    expect(row?.[header?.indexOf('Tags') ?? -1]).toBe('Fødevarer; Generationsskifte 2027');

    const file = path.join(store.dir, 'sager.bindeled.json');
    await store.call('interop.export', { format: 'caseload', path: file });
    const other = openTestStore();
    try {
      // The other office already has the tag, spelt in lower case: the file's firm gets that one.
      const b = (await other.call('companies.create', { name: 'Fjordens Fisk' })) as Company;
      await other.call('companies.setTags', { companyId: b.id, tags: ['fødevarer'] });
      const fingerprint = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
      const report = (await other.call('interop.preview', { path: file })) as ImportReport;
      expect(report.fingerprint).toBe(fingerprint);
      await other.call('interop.import', { path: file, fingerprint });
      const names = other.db.prepare('SELECT name, tags_text AS tags FROM companies ORDER BY name').all() as Array<{
        name: string;
        tags: string | null;
      }>;
      expect(names).toEqual([
        { name: 'Bøgely Gård', tags: 'fødevarer; Generationsskifte 2027' },
        { name: 'Fjordens Fisk', tags: 'fødevarer' },
      ]);
    } finally {
      other.close();
    }
  });
});

describe('the report by tag', () => {
  it('counts a firm under each tag it carries, and those without under "Uden tags"; a bar opens its firms', async () => {
    const firms: Company[] = [];
    for (const name of ['Bøgely Gård', 'Fjordens Fisk', 'Hedens Bryghus']) firms.push(await create(name));
    const visit = store.db.prepare(
      `INSERT INTO visits(uuid, company_id, date, type, created_at, updated_at)
       VALUES (?, ?, '2011-03-01', 'visit', '2011-03-01T10:00:00Z', '2011-03-01T10:00:00Z')`,
    );
    for (const [i, f] of firms.entries()) visit.run(`v${i}`, f.id);
    const period = { from: '2010-10-01', to: '2011-10-17' };
    const untagged = (await store.call('report.get', period)) as ProgrammeReport;
    expect(untagged.breakdowns.tag).toEqual([]);

    await setTags(firms[0]?.id ?? 0, ['Fødevarer', 'Eksport']);
    await setTags(firms[1]?.id ?? 0, ['Fødevarer']);
    const report = (await store.call('report.get', period)) as ProgrammeReport;
    expect(report.totals.companies_contacted).toBe(3);
    expect(report.breakdowns.tag.map((r) => [r.label, r.values.companies_contacted])).toEqual([
      ['Eksport', 1],
      ['Fødevarer', 2],
      ['Uden tags', 1],
    ]);
    const food = report.breakdowns.tag.find((r) => r.label === 'Fødevarer')?.key;
    const list = (await store.call('report.companies', {
      ...period,
      list: 'companies_contacted',
      breakdown: 'tag',
      key: food,
    })) as { rows: Array<{ name: string }> };
    expect(list.rows.map((r) => r.name)).toEqual(['Bøgely Gård', 'Fjordens Fisk']);
    const none = (await store.call('report.companies', {
      ...period,
      list: 'companies_contacted',
      breakdown: 'tag',
      key: '0',
    })) as { rows: Array<{ name: string }> };
    expect(none.rows.map((r) => r.name)).toEqual(['Hedens Bryghus']);
  });
});
