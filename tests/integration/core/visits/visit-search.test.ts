import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseloadPage, VisitSearchPage } from '../../../../src-main/api/contract';
import { searchVisits } from '../../../../src-main/core/visits/visit-search';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';
import { addVisit, daysFromToday, firmWithContacts, today } from '../../../helpers/visits';

let store: TestStore;
let gaard: number;
let smedje: number;
let bb: number;

beforeEach(async () => {
  store = openTestStore();
  gaard = (await firmWithContacts(store, 'Ådalens Gårdbutik')).company.id;
  smedje = (await firmWithContacts(store, 'Smedjen i Ry')).company.id;
  bb = (await firmWithContacts(store, 'Æblehaven B&B')).company.id;
  await addVisit(store, {
    companyId: gaard,
    date: daysFromToday(-3),
    businessDescription: 'Gårdbutik med æbler, blåbær og egen most.',
    notes: 'Mette vil søge LAG-midler til et kølerum. Økonomien er stram, men salget vokser.',
    nextSteps: 'Send skabelon til forretningsplan',
  });
  await addVisit(store, {
    companyId: smedje,
    date: daysFromToday(-1),
    type: 'phone',
    notes: 'Generationsskifte: sønnen vil overtage smedjen i 2026. Får brug for rådgivning om økonomi.',
  });
  await addVisit(store, {
    companyId: bb,
    date: today(),
    notes: 'Far og datter driver stedet. <script>alert(1)</script> stod i deres gæstebog.',
    needsText: 'Webshop og digital booking',
  });
});
afterEach(() => store.close());

const search = async (query: string, extra: Record<string, unknown> = {}) =>
  (await store.call('search.visits', { query, ...extra })) as VisitSearchPage;
const names = (page: VisitSearchPage) => page.rows.map((r) => r.companyName);

describe('full-text search over visit notes', () => {
  it('finds Danish words with æ, ø and å, and word beginnings', async () => {
    expect(names(await search('blåbær'))).toEqual(['Ådalens Gårdbutik']);
    expect(names(await search('ØKONOMI')).sort()).toEqual(['Smedjen i Ry', 'Ådalens Gårdbutik']);
    expect(names(await search('generations'))).toEqual(['Smedjen i Ry']);
    expect(names(await search('lag-midler'))).toEqual(['Ådalens Gårdbutik']);
    expect(names(await search('økonomi sønnen'))).toEqual(['Smedjen i Ry']);
    expect(names(await search('forretningsplan'))).toEqual(['Ådalens Gårdbutik']);
    expect(names(await search('webshop'))).toEqual(['Æblehaven B&B']);
  });

  it('keeps æ, ø and å as their own letters ("får" is not "far")', async () => {
    expect(names(await search('får'))).toEqual(['Smedjen i Ry']);
    expect(names(await search('far'))).toEqual(['Æblehaven B&B']);
    expect((await search('blabaer')).total).toBe(0);
  });

  it('returns a snippet as plain segments with the words found marked', async () => {
    const [hit] = (await search('kølerum')).rows;
    expect(hit).toMatchObject({ companyId: gaard, date: daysFromToday(-3), type: 'visit' });
    expect(hit?.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['kølerum']);
    expect(hit?.snippet.map((s) => s.text).join('')).toContain('søge LAG-midler til et kølerum');
    const [script] = (await search('gæstebog')).rows;
    expect(script?.snippet.map((s) => s.text).join('')).toContain('<script>alert(1)</script>');
  });

  it('pages, counts, narrows to one company, and treats operators as text', async () => {
    const all = await search('økonomi', { limit: 1 });
    expect([all.total, all.rows.length]).toEqual([2, 1]);
    expect(names(await search('økonomi', { companyId: smedje }))).toEqual(['Smedjen i Ry']);
    expect((await search('"AND* NEAR(')).total).toBe(0);
    expect((await search('   ')).total).toBe(0);
  });

  it('ranks the best match first, and for words in very many visits lists the latest recorded first', async () => {
    await addVisit(store, { companyId: smedje, date: today(), notes: 'Økonomi, økonomi og atter økonomi' });
    const ranked = await search('økonomi');
    expect(ranked.orderedBy).toBe('rank');
    expect(ranked.rows[0]?.snippet.filter((s) => s.hit)).toHaveLength(3);
    const many = searchVisits(store.db, { query: 'økonomi', offset: 0, limit: 10 }, 2);
    expect(many.orderedBy).toBe('newest');
    expect(many.rows.map((r) => r.visitId)).toEqual([...many.rows.map((r) => r.visitId)].sort((a, b) => b - a));
    expect(many.total).toBe(3);
  });

  it('forgets old words when a note is changed or a visit deleted', async () => {
    const [hit] = (await search('kølerum')).rows;
    await store.call('visits.update', { id: hit?.visitId, changes: { notes: 'Nu handler det om solceller.' } });
    expect((await search('kølerum')).total).toBe(0);
    expect(names(await search('solceller'))).toEqual(['Ådalens Gårdbutik']);
    await store.call('visits.delete', { id: hit?.visitId });
    expect((await search('solceller')).total).toBe(0);
    expect((await search('blåbær')).total).toBe(0);
  });
});

describe('the caseload search box with "Søg også i besøgsnoter"', () => {
  const caseload = async (search: string, notes = true) =>
    ((await store.call('companies.list', { search, notes })) as CaseloadPage).rows.map((r) => r.name);

  it('also finds firms by words in their visit notes, and only when asked', async () => {
    expect(await caseload('kølerum', false)).toEqual([]);
    expect(await caseload('kølerum')).toEqual(['Ådalens Gårdbutik']);
    expect(await caseload('generationsskifte')).toEqual(['Smedjen i Ry']);
    expect(await caseload('smedjen får')).toEqual(['Smedjen i Ry']);
    expect(await caseload('økonomi')).toEqual(['Smedjen i Ry', 'Ådalens Gårdbutik']);
    expect(await caseload('b&b webshop')).toEqual(['Æblehaven B&B']);
  });

  it('follows edits and deletions of notes', async () => {
    const [visit] = ((await store.call('visits.list', { companyId: smedje })) as { rows: Array<{ id: number }> }).rows;
    await store.call('visits.update', { id: visit?.id, changes: { notes: 'Svejsning og eksport til Norge' } });
    expect(await caseload('generationsskifte')).toEqual([]);
    expect(await caseload('svejsning')).toEqual(['Smedjen i Ry']);
    await store.call('visits.delete', { id: visit?.id });
    expect(await caseload('svejsning')).toEqual([]);
  });

  it('leaves no trace of deleted notes in the search indexes or free pages', async () => {
    const { visit } = await addVisit(store, {
      companyId: bb,
      date: today(),
      notes: 'Hemmelighedskræmmeri zyxwvutæø om gælden',
    });
    await store.call('visits.delete', { id: visit.id });
    // The audit trail keeps what was deleted (before/after); erasing it is the privacy module's job.
    store.db.prepare("DELETE FROM audit_log WHERE entity = 'visit' AND entity_id = ?").run(visit.id);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.readFileSync(store.dbPath);
    expect(bytes.includes(Buffer.from('zyxwvut'))).toBe(false);
    expect(bytes.includes(Buffer.from('Hemmelighedskræmmeri'))).toBe(false);
  });
});
