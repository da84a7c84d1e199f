import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseloadPage, Company } from '../../../../src-main/api/contract';
import { FIRM, OWNER, seedPerson } from '../../../helpers/privacy-seed';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

/**
 * The caseload's word index (migration 240) is kept by triggers and by the bulk load's replay:
 * what the quick search finds follows imports, merges, erasure and anonymisation.
 */
let store: TestStore;
beforeEach(() => {
  store = openTestStore();
});
afterEach(() => store.close());

const search = async (text: string) =>
  (await store.call('companies.list', { search: text, limit: 500 })) as CaseloadPage;
const ids = async (text: string) => (await search(text)).rows.map((r) => r.id).sort((a, b) => a - b);
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const indexed = (word: string) =>
  store.db.prepare('SELECT count(*) FROM caseload_words WHERE caseload_words MATCH ?').pluck().get(`"${word}"*`);
const intact = () =>
  store.db.exec(`INSERT INTO caseload_words(caseload_words, rank) VALUES ('integrity-check', 0)`) && true;

function importCsv(name: string, lines: string[]) {
  const file = path.join(store.dir, name);
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return store.call('interop.import', { path: file, fingerprint: sha(file) });
}

describe('the quick search after changes to the caseload', () => {
  it('finds firms imported one by one and in bulk, by a piece of their name, town or contact person', async () => {
    await importCsv('få.csv', ['Navn;By;Kontaktperson', 'Ådalens Gårdbutik;Hadsten;Kirsten Ørnebjerg']);
    expect((await search('nebjer')).total).toBe(1);
    expect((await search('dalens')).total).toBe(1);
    // 2,000 new firms or more are loaded in bulk: the index is written once at the end.
    const rows = Array.from({ length: 2_100 }, (_, i) => `Maskinstation Bøgelygård ${i};Skærbæk;Ole Kvist ${i}`);
    await importCsv('mange.csv', ['Navn;By;Kontaktperson', ...rows]);
    expect((await search('lygård')).total).toBe(2_100);
    expect((await search('kvist 2099')).total).toBe(1);
    expect((await search('gård')).total).toBe(2_101);
    expect(intact()).toBe(true);
  });

  it('finds a merged firm by the contact persons it took over, and no longer the firm merged away', async () => {
    const keep = (await store.call('companies.create', { name: 'Smedjen i Ørum ApS', postcode: '8830' })) as Company;
    const other = (await store.call('companies.create', {
      name: 'Smedjen i Oerum',
      postcode: '8830',
      ownerName: 'Søren Quorndal',
    })) as Company;
    expect(await ids('quorndal')).toEqual([other.id]);
    await store.call('companies.merge', { keepId: keep.id, mergeId: other.id });
    expect(await ids('quorndal')).toEqual([keep.id]);
    expect(await ids('oerum')).toEqual([]);
    expect(intact()).toBe(true);
  });

  it('forgets an erased firm, its contact persons and every piece of their words', async () => {
    const control = (await store.call('companies.create', { name: 'Kontrolfirmaet Hedeby' })) as Company;
    const firm = await seedPerson(store.call, store.db);
    expect(await ids('zylofon')).toEqual([firm.id]);
    expect(await ids('xanthip')).toEqual([firm.id]);
    await store.call('privacy.deleteCompany', { id: firm.id, confirmName: FIRM.toUpperCase() });
    expect(await ids('zylofon')).toEqual([]);
    for (const word of [...FIRM.split(' '), ...OWNER.split(' '), 'ylofon', 'thippe'])
      expect(indexed(word), word).toBe(0);
    expect(await ids('hedeby')).toEqual([control.id]);
    expect(intact()).toBe(true);
  });

  it('finds an anonymised firm by none of the names it had', async () => {
    const firm = await seedPerson(store.call, store.db);
    await store.call('privacy.anonymise', { ids: [firm.id] });
    expect(await ids('zylofon')).toEqual([]);
    expect(await ids('brunhilde')).toEqual([]);
    expect(indexed('xanthippe')).toBe(0);
    expect(intact()).toBe(true);
  });
});
