import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft, DraftSummary } from '../../../../src-main/api/contract';
import { createDispatcher } from '../../../../src-main/api/dispatcher';
import { headlessShell } from '../../../../src-main/api/headless-shell';
import { openDatabase } from '../../../../src-main/core/db/open';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';
import { addVisit, count, firmWithContacts, refusedFields, today } from '../../../helpers/visits';

let store: TestStore;
beforeEach(() => {
  store = openTestStore();
});
afterEach(() => store.close());

describe('form drafts', () => {
  it('saves as you type, replaces the previous draft, and survives closing the database', async () => {
    const { company } = await firmWithContacts(store);
    const key = `visit:new:${company.id}`;
    await store.call('drafts.save', { key, payload: { notes: 'Mette vil' } });
    const saved = (await store.call('drafts.save', {
      key,
      payload: { notes: 'Mette vil udvide med et kølerum', needs: ['financing'], focus: 'notes' },
    })) as DraftSummary;
    expect(saved).toMatchObject({ key, companyId: company.id });
    expect(saved).not.toHaveProperty('payload');

    // A crash or reload: a new connection to the same file sees the draft.
    store.db.close();
    const db = openDatabase(store.dbPath);
    const dispatch = createDispatcher({
      db,
      dbPath: store.dbPath,
      transport: 'http',
      appVersion: 'test',
      emit: () => {},
      shell: headlessShell(path.join(store.dir, 'docs')),
    });
    const r = await dispatch('drafts.get', { key });
    expect(r.ok && (r.value as Draft).payload).toEqual({
      notes: 'Mette vil udvide med et kølerum',
      needs: ['financing'],
      focus: 'notes',
    });
    const listed = await dispatch('drafts.list', { companyId: company.id });
    expect(listed.ok && (listed.value as DraftSummary[]).map((d) => d.key)).toEqual([key]);
    db.close();
    store.db = openDatabase(store.dbPath);
  });

  it('is discarded in the same transaction as the visit it becomes', async () => {
    const { company } = await firmWithContacts(store);
    const key = `visit:new:${company.id}`;
    await store.call('drafts.save', { key, payload: { notes: 'kladde' } });
    await addVisit(store, { companyId: company.id, date: today(), notes: 'færdig', draftKey: key });
    expect(await store.call('drafts.get', { key })).toBeNull();

    // A refused save keeps the draft: the consultant's typing is not lost.
    await store.call('drafts.save', { key, payload: { notes: 'næste' } });
    await refusedFields(store, 'visits.create', { companyId: company.id, date: '01.01.2999', draftKey: key });
    expect(((await store.call('drafts.get', { key })) as Draft).payload).toEqual({ notes: 'næste' });
  });

  it('ties an edit draft to the visit’s company, and goes when the visit or company does', async () => {
    const { company } = await firmWithContacts(store);
    const { visit } = await addVisit(store, { companyId: company.id, date: today() });
    const saved = (await store.call('drafts.save', {
      key: `visit:${visit.id}`,
      payload: { notes: 'ret' },
    })) as DraftSummary;
    expect(saved.companyId).toBe(company.id);
    await store.call('visits.delete', { id: visit.id });
    expect(await store.call('drafts.get', { key: `visit:${visit.id}` })).toBeNull();

    await store.call('drafts.save', { key: `visit:new:${company.id}`, payload: { notes: 'x' } });
    store.db.prepare('DELETE FROM companies WHERE id = ?').run(company.id);
    expect(count(store, 'form_drafts')).toBe(0);
  });

  it('refuses a malformed key, an unknown company and an oversized payload', async () => {
    expect((await refusedFields(store, 'drafts.save', { key: 'Visit new!', payload: {} })).fields).toEqual({
      key: 'Ugyldig kladdenøgle',
    });
    expect((await refusedFields(store, 'drafts.save', { key: 'visit:new:999', payload: {} })).fields).toEqual({
      companyId: 'Virksomheden findes ikke',
    });
    const big = await refusedFields(store, 'drafts.save', { key: 'note:x', payload: { t: 'x'.repeat(600_000) } });
    expect(big.fields).toEqual({ payload: 'Kladden er for stor (højst 500000 tegn)' });
    expect(await store.call('drafts.discard', { key: 'note:x' })).toEqual({ discarded: false });
  });
});
