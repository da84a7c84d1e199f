import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importInOneGo } from '../../../../src-main/core/interop/import-service';
import type { ImportReport, ImportResult } from '../../../../src-main/core/interop/interop-schema';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

/** The CVR register's System-til-System extract (core/interop/cvr), from a hand-written fixture. */
const FIXTURES = path.resolve(__dirname, '../../../fixtures/import');
const EXTRACT = path.join(FIXTURES, 'cvr-extract.jsonl');
const RESPONSE = path.join(FIXTURES, 'cvr-search-response.json');

let store: TestStore;
beforeEach(() => {
  store = openTestStore();
});
afterEach(() => store.close());

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const preview = (file: string, options = {}) =>
  store.call('interop.preview', { path: file, options }) as Promise<ImportReport>;
const importFile = (file: string, options = {}) =>
  store.call('interop.import', { path: file, options, fingerprint: sha(file) }) as Promise<ImportResult>;

interface Row {
  id: number;
  name: string;
  address: string | null;
  postcode: string | null;
  city: string | null;
  kommune_code: number | null;
  industry_code: string | null;
  legal_form: string | null;
  employees: number | null;
  reklamebeskyttet: number | null;
  ceased: number | null;
  record_type: string;
}
const firm = (cvr: string) => store.db.prepare('SELECT * FROM companies WHERE cvr = ?').get(cvr) as Row | undefined;
const count = () => store.db.prepare('SELECT count(*) FROM companies').pluck().get() as number;

/** The extract's lines as objects, to change one and write the file again. */
const lines = () =>
  fs
    .readFileSync(EXTRACT, 'utf8')
    .trim()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as { Vrvirksomhed: Record<string, unknown> & { virksomhedMetadata: Record<string, unknown> } },
    );
function writeExtract(name: string, docs: unknown[]): string {
  const file = path.join(store.dir, name);
  fs.writeFileSync(file, `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
  return file;
}

describe('a CVR extract, one document per line', () => {
  it('is recognised by its content and adds every firm with the register’s current values', async () => {
    const report = await preview(EXTRACT);
    expect(report.format).toBe('cvr');
    expect(report.clean).toBe(true);
    expect(report.totals).toMatchObject({ add: 4, update: 0, invalid: 0 });
    const done = await importFile(EXTRACT);
    expect(done.written).toBe(true);
    expect(count()).toBe(4);

    // The current name, not the one before it; the address with floor and door; the band's lower bound.
    expect(firm('31204569')).toMatchObject({
      name: 'Havnens Fiskerøgeri ApS',
      address: 'Havnegade 12, 1. tv',
      postcode: '8000',
      city: 'Aarhus C',
      kommune_code: 751,
      industry_code: '102000',
      legal_form: 'aps',
      employees: 10,
      reklamebeskyttet: 0,
      ceased: 0,
      record_type: 'registered',
    });
    expect(firm('34789126')).toMatchObject({
      address: 'Industrivej 3B',
      legal_form: 'as',
      employees: 42,
      reklamebeskyttet: 1,
    });
    // Ceased firms are kept, flagged.
    expect(firm('25612345')).toMatchObject({ legal_form: 'enkeltmand', ceased: 1 });
    // No metadata: the periods with no end date give the values.
    expect(firm('40123458')).toMatchObject({
      name: 'Grøn Tråd I/S',
      address: 'Algade 7',
      postcode: '8600',
      kommune_code: 740,
      legal_form: 'is',
      ceased: 0,
    });
  });

  it('reads a saved search response (hits.hits[]._source.Vrvirksomhed) the same way', async () => {
    const done = await importFile(RESPONSE);
    expect(done.format).toBe('cvr');
    expect(done.totals.add).toBe(2);
    expect(firm('34789126')?.name).toBe('Herning Maskinværksted A/S');
  });

  it('an unchanged extract read again changes nothing', async () => {
    await importFile(EXTRACT);
    const again = await preview(EXTRACT);
    expect(again.totals).toMatchObject({ add: 0, update: 0, unchanged: 4 });
  });
});

describe('refreshing known firms from the register', () => {
  it('previews each field old → new, follows the register where nothing was corrected and keeps local corrections', async () => {
    await importFile(EXTRACT);
    const id = firm('31204569')?.id;
    // The consultant corrects the name and writes an exact head count inside the register's band.
    await store.call('companies.update', { id, changes: { name: 'Havnens Fiskerøgeri', employees: 14 } });
    const docs = lines();
    const v = docs[0]?.Vrvirksomhed;
    if (!v) throw new Error('fixture has a first firm');
    const meta = v.virksomhedMetadata;
    meta.nyesteNavn = { navn: 'Havnens Røgeri ApS' };
    meta.nyesteBeliggenhedsadresse = {
      ...(meta.nyesteBeliggenhedsadresse as object),
      vejnavn: 'Kajen',
      husnummerFra: 2,
      etage: null,
      sidedoer: null,
    };
    v.reklamebeskyttet = true;
    const file = writeExtract('refresh.jsonl', docs);

    const report = await preview(file);
    expect(report.totals).toMatchObject({ add: 0, update: 1, unchanged: 3 });
    const row = report.preview.find((r) => r.cvr === '31204569');
    expect(row?.action).toBe('update');
    expect(row?.diffs).toEqual([
      { field: 'name', from: 'Havnens Fiskerøgeri', to: 'Havnens Røgeri ApS', kept: true },
      { field: 'address', from: 'Havnegade 12, 1. tv', to: 'Kajen 2' },
      { field: 'reklamebeskyttet', from: 0, to: 1 },
    ]);
    expect(row?.note).toContain('name');

    await importFile(file);
    expect(firm('31204569')).toMatchObject({
      name: 'Havnens Fiskerøgeri',
      address: 'Kajen 2',
      employees: 14,
      reklamebeskyttet: 1,
    });
  });

  it('takes the register’s value over a local correction when the user asks', async () => {
    await importFile(EXTRACT);
    const id = firm('31204569')?.id;
    await store.call('companies.update', { id, changes: { name: 'Havnens Fiskerøgeri' } });
    const report = await preview(EXTRACT);
    expect(report.totals).toMatchObject({ keptLocal: 1, update: 0 });
    await importFile(EXTRACT, { takeRegister: true });
    expect(firm('31204569')?.name).toBe('Havnens Fiskerøgeri ApS');
  });

  it('flags a firm that has ceased since, and never deletes it', async () => {
    await importFile(EXTRACT);
    const docs = lines();
    const v = docs[1]?.Vrvirksomhed;
    if (!v) throw new Error('fixture has a second firm');
    v.virksomhedMetadata.sammensatStatus = 'Ophørt';
    v.livsforloeb = [{ periode: { gyldigFra: '2012-08-15', gyldigTil: '2026-10-31' } }];
    await importFile(writeExtract('ceased.jsonl', docs.slice(1, 2)));
    expect(firm('34789126')?.ceased).toBe(1);
    expect(count()).toBe(4);
  });
});

describe('a bad extract names the line and writes nothing', () => {
  const refused = async (docs: unknown[], line: number, text: RegExp) => {
    const file = writeExtract('bad.jsonl', docs);
    const report = await preview(file);
    expect(report.clean).toBe(false);
    expect(report.issues).toEqual([expect.objectContaining({ line, message: expect.stringMatching(text) })]);
    const result = await importFile(file);
    expect(result.written).toBe(false);
    expect(count()).toBe(0);
  };

  it('a document that is not a firm', async () => {
    const docs: unknown[] = lines();
    docs.splice(1, 0, { Vrdeltagerperson: { enhedsNummer: 4000123456, navne: [{ navn: 'Jens Holm' }] } });
    await refused(docs, 2, /Vrdeltagerperson/);
  });

  it('a CVR failing the check digit', async () => {
    const docs = lines();
    const v = docs[2]?.Vrvirksomhed;
    if (v) v.cvrNummer = 25612346;
    await refused(docs, 3, /25612346/);
  });

  it('an unknown kommune code', async () => {
    const docs = lines();
    const meta = docs[3]?.Vrvirksomhed.virksomhedMetadata;
    if (!docs[3]) throw new Error('fixture has four firms');
    docs[3].Vrvirksomhed.beliggenhedsadresse = [
      {
        vejnavn: 'Algade',
        husnummerFra: 7,
        postnummer: 4000,
        postdistrikt: 'Silkeborg',
        kommune: { kommuneKode: 999 },
        periode: { gyldigFra: '2018-11-01', gyldigTil: null },
      },
    ];
    expect(meta).toBeDefined();
    await refused(docs, 4, /999/);
  });

  it('a kommune outside the region (København, 101) with the same words as the company form', async () => {
    const docs = lines();
    const v = docs[1]?.Vrvirksomhed;
    if (!v) throw new Error('fixture has a second firm');
    v.virksomhedMetadata.nyesteBeliggenhedsadresse = {
      ...(v.virksomhedMetadata.nyesteBeliggenhedsadresse as object),
      kommune: { kommuneKode: 101, kommuneNavn: 'KØBENHAVN' },
    };
    await refused(docs, 2, /^Ukendt kommune: 101$/);
    // The form, a spreadsheet import and the caseload file know the same 19 kommuner (docs/domain.md).
    const form = await store.dispatch('companies.create', { name: 'Københavnsk ApS', kommuneCode: 101 });
    expect(form).toMatchObject({ ok: false, error: { message: 'Ukendt kommune: 101' } });
  });

  it('a line that is not JSON', async () => {
    const file = writeExtract('broken.jsonl', lines());
    fs.appendFileSync(file, '{"Vrvirksomhed": {"cvrNummer": 3\n');
    const report = await preview(file);
    expect(report.issues).toEqual([expect.objectContaining({ line: 5 })]);
    expect((await importFile(file)).written).toBe(false);
    expect(count()).toBe(0);
  });
});

describe('a long extract', () => {
  it('reports progress through the file and stops on cancel with nothing written', async () => {
    const first = fs.readFileSync(EXTRACT, 'utf8').split('\n')[0] ?? '';
    const file = path.join(store.dir, 'long.jsonl');
    fs.writeFileSync(file, `${Array.from({ length: 4500 }, () => first).join('\n')}\n`);
    const controller = new AbortController();
    const seen: Array<[number, number]> = [];
    const job = {
      signal: controller.signal,
      progress: (done: number, total: number) => {
        seen.push([done, total]);
        controller.abort();
      },
    };
    await expect(importInOneGo(store.db, file, {}, 'abort', { job })).rejects.toMatchObject({ code: 'cancelled' });
    expect(seen[0]?.[1]).toBe(fs.statSync(file).size);
    expect(seen[0]?.[0]).toBeGreaterThan(0);
    expect(count()).toBe(0);
  });
});

describe('a list for a campaign', () => {
  it('leaves firms protected against advertising out unless the user includes them', async () => {
    await importFile(EXTRACT);
    // What the export dialog says before the export: how many of the scope a campaign list leaves out.
    expect(await store.call('interop.campaignScope', {})).toEqual({ companies: 4, protected: 1 });
    expect(
      await store.call('interop.campaignScope', {
        scope: { kind: 'query', filters: {}, search: 'Havnens', sort: [] },
      }),
    ).toEqual({ companies: 1, protected: 0 });
    const names = (file: string) => fs.readFileSync(file, 'utf8');
    const out = path.join(store.dir, 'kampagne.csv');
    const left = (await store.call('interop.export', { format: 'csv', path: out, campaign: {} })) as {
      leftOutProtected?: number;
      counts: Record<string, number>;
    };
    expect(left.leftOutProtected).toBe(1);
    expect(names(out)).toContain('Havnens Fiskerøgeri ApS');
    expect(names(out)).not.toContain('Herning Maskinværksted A/S');
    const all = path.join(store.dir, 'alle.csv');
    await store.call('interop.export', { format: 'csv', path: all, campaign: { includeProtected: true } });
    expect(names(all)).toContain('Herning Maskinværksted A/S');
    // An export that is not a campaign list (a backup, a hand-over) carries every firm.
    const plain = path.join(store.dir, 'plain.csv');
    await store.call('interop.export', { format: 'csv', path: plain });
    expect(names(plain)).toContain('Herning Maskinværksted A/S');
  });
});

describe('the industry system of a register firm', () => {
  const system = (cvr: string) =>
    store.db.prepare('SELECT industry_code, industry_system FROM companies WHERE cvr = ?').get(cvr) as {
      industry_code: string;
      industry_system: string;
    };
  /** The first firm with its industry as the register gives it, read at `read`. */
  const withIndustry = (code: string, title: string, from: string, read: string) => {
    const v = lines()[0]?.Vrvirksomhed;
    if (!v) throw new Error('fixture has a first firm');
    v.virksomhedMetadata.nyesteHovedbranche = { branchekode: code, branchetekst: title, periode: { gyldigFra: from } };
    v.sidstIndlaest = read;
    v.sidstOpdateret = read;
    return { Vrvirksomhed: v };
  };

  it('is DB07 for a code only DB07 has, and DB25 for a code dated from 2025', async () => {
    // 45.20.10 exists only in DB07 (DB25 moved car repair to division 95), whatever the extract's date.
    await importFile(
      writeExtract('db07.jsonl', [
        withIndustry('452010', 'Autoreparationsværksteder mv.', '2008-01-01', '2026-11-30T02:14:55.123+01:00'),
      ]),
    );
    expect(system('31204569')).toEqual({ industry_code: '452010', industry_system: 'DB07' });
    // 47.81.00 is a market stall in DB07 and a car dealer in DB25: the dates decide.
    const recoded = writeExtract('recoded.jsonl', [
      withIndustry('478100', 'Detailhandel med motorkøretøjer', '2025-01-01', '2025-03-04T10:00:00.000+01:00'),
    ]);
    const report = await preview(recoded);
    const diffs = report.preview[0]?.diffs?.map((d) => [d.field, d.from, d.to]);
    expect(diffs).toEqual(
      expect.arrayContaining([
        ['industry_code', '452010', '478100'],
        ['industry_system', 'DB07', 'DB25'],
      ]),
    );
    await importFile(recoded);
    expect(system('31204569')).toEqual({ industry_code: '478100', industry_system: 'DB25' });
  });

  it('is DB07 for a code read before 2025 that both tables have', async () => {
    const old = writeExtract('old.jsonl', [
      withIndustry(
        '478100',
        'Detailhandel med føde-, drikke- og tobaksvarer fra stadepladser og markeder',
        '2012-01-01',
        '2019-05-01T00:00:00.000+02:00',
      ),
    ]);
    await importFile(old);
    expect(system('31204569')).toEqual({ industry_code: '478100', industry_system: 'DB07' });
  });

  it('imports a firm whose code its table lacks, with a warning naming code, system and line', async () => {
    const odd = writeExtract('odd.jsonl', [withIndustry('123456', 'Ukendt', '2025-01-01', '2025-06-01')]);
    const report = await preview(odd);
    expect(report.clean).toBe(true);
    expect(report.warnings).toContain(
      'Branchekoden 123456 findes ikke i DB25 (linje 1). Virksomheden indlæses med koden, men uden titel.',
    );
    await importFile(odd);
    expect(system('31204569')).toEqual({ industry_code: '123456', industry_system: 'DB25' });
  });
});
