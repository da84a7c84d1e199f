import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../../src-main/api/contract';
import type { Company } from '../../../../src-main/core/companies/schema';
import type { BatchResult, GeneratedDocument } from '../../../../src-main/core/documents/document-schema';
import { cvrCheckDigit } from '../../../../src-main/core/domain/cvr';
import { docxText, LETTER_DATE, orgId, readDocx, seedCase, setLetterhead } from '../../../helpers/documents-fixtures';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

let store: TestStore;
afterEach(() => store.close());

/** n firms, each with a contact person and a referral to Erhvervshus Midtjylland ready to send. */
async function seedFirms(n: number): Promise<number[]> {
  const org = await orgId(store, 'Erhvervshus Midtjylland');
  const ids: number[] = [];
  for (let i = 0; ids.length < n; i++) {
    const first7 = String(3_000_000 + i);
    const check = cvrCheckDigit(first7);
    if (check === undefined) continue;
    const c = (await store.call('companies.create', {
      name: `Landhandel nr. ${ids.length + 1} Ærø`,
      cvr: `${first7}${check}`,
      address: `Hovedgaden ${ids.length + 1}`,
      postcode: '8370',
      city: 'Hadsten',
      kommuneCode: 710,
    })) as Company;
    const contact = (await store.call('contacts.create', { companyId: c.id, name: `Ejer ${ids.length + 1}` })) as {
      id: number;
    };
    await store.call('referrals.create', {
      companyId: c.id,
      organisationId: org,
      contactId: contact.id,
      reason: 'Specialiseret rådgivning om eksport',
      needs: ['export'],
      consentOn: '2011-10-14',
    });
    ids.push(c.id);
  }
  return ids;
}

function docxFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.startsWith('.') || f.endsWith('.tmp')) : [];
}

function counts() {
  const n = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n;
  return {
    documents: n('SELECT count(*) AS n FROM documents'),
    written: n("SELECT count(*) AS n FROM written_files WHERE kind LIKE 'document:%'"),
    journal: n('SELECT count(*) AS n FROM file_writes'),
  };
}

describe('letters for many companies as one job', () => {
  it('writes one letter per company, reports progress and records them all', async () => {
    const events: JobProgress[] = [];
    store = openTestStore({ emit: (e) => events.push(e) });
    await setLetterhead(store, true);
    const ids = await seedFirms(3);
    const out = path.join(store.dir, 'breve');
    const r = await store.dispatch(
      'documents.generateBatch',
      { kind: 'vaeksthus', companyIds: ids, folder: out, letterDate: LETTER_DATE },
      { jobId: 'batch-1' },
    );
    if (!r.ok) throw new Error(r.error.message);
    const result = r.value as BatchResult;
    expect(result.documents.map((d) => d.companyId)).toEqual(ids);
    expect(events.map((e) => [e.jobId, e.method, e.done, e.total])).toEqual([
      ['batch-1', 'documents.generateBatch', 1, 3],
      ['batch-1', 'documents.generateBatch', 2, 3],
      ['batch-1', 'documents.generateBatch', 3, 3],
    ]);
    expect(events[0]?.message).toBe('Landhandel nr. 1 Ærø');
    expect(docxFiles(out)).toHaveLength(3);
    expect(counts()).toEqual({ documents: 3, written: 3, journal: 0 });
    const last = await docxText(result.documents[2]?.path ?? '');
    expect(last.body).toContain('Landhandel nr. 3 Ærø');
    expect(last.body).toContain('Dato: 17. oktober 2011');
    // The letterhead is filled once for the batch; every letter still carries it, logo included.
    expect(last.all).toContain('Favrskov Erhverv');
    expect(last.xml).toContain('descr="Logo"');
    expect(last.all).not.toContain('{{');
  });

  it('on cancel deletes every file written so far and records nothing', async () => {
    let cancelled = false;
    store = openTestStore({
      emit: (e) => {
        if (e.done === 4 && !cancelled) {
          cancelled = true;
          void store.dispatch('jobs.cancel', { jobId: e.jobId });
        }
      },
    });
    await setLetterhead(store, false);
    const ids = await seedFirms(12);
    const out = path.join(store.dir, 'breve');
    const r = await store.dispatch(
      'documents.generateBatch',
      { kind: 'vaeksthus', companyIds: ids, folder: out },
      { jobId: 'batch-2' },
    );
    expect(cancelled).toBe(true);
    expect(r.ok || r.error).toEqual({ code: 'cancelled', message: 'Afbrudt' });
    expect(docxFiles(out)).toEqual([]);
    expect(counts()).toEqual({ documents: 0, written: 0, journal: 0 });
  });

  it('on a failure while writing deletes what was written and records nothing', async () => {
    store = openTestStore({
      emit: (e) => {
        if (e.done === 3) throw new Error('the window went away');
      },
    });
    await setLetterhead(store, false);
    const ids = await seedFirms(6);
    const out = path.join(store.dir, 'breve');
    const r = await store.dispatch(
      'documents.generateBatch',
      { kind: 'vaeksthus', companyIds: ids, folder: out },
      { jobId: 'b' },
    );
    expect(r.ok || r.error.code).toBe('internal');
    expect(docxFiles(out)).toEqual([]);
    expect(counts()).toEqual({ documents: 0, written: 0, journal: 0 });
  });

  it('when recording fails at the end deletes every file and leaves the database as it was', async () => {
    store = openTestStore();
    await setLetterhead(store, false);
    const ids = await seedFirms(4);
    store.db.exec(`CREATE TEMP TRIGGER refuse_third BEFORE INSERT ON documents
      WHEN (SELECT count(*) FROM documents) >= 2 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const out = path.join(store.dir, 'breve');
    const r = await store.dispatch('documents.generateBatch', { kind: 'vaeksthus', companyIds: ids, folder: out });
    expect(r.ok).toBe(false);
    expect(docxFiles(out)).toEqual([]);
    expect(counts()).toEqual({ documents: 0, written: 0, journal: 0 });
  });

  it('refuses a batch with incomplete companies, naming them, unless asked to skip them', async () => {
    store = openTestStore();
    await setLetterhead(store, false);
    const ids = await seedFirms(2);
    const bare = (await store.call('companies.create', { name: 'Ufærdig ApS' })) as Company;
    const out = path.join(store.dir, 'breve');
    const r = await store.dispatch('documents.generateBatch', {
      kind: 'vaeksthus',
      companyIds: [...ids, bare.id],
      folder: out,
    });
    if (r.ok) throw new Error('should refuse');
    expect(r.error.message).toBe('1 af virksomhederne mangler oplysninger; intet er lavet');
    expect(r.error.details?.fields).toEqual([
      {
        field: `company.${bare.id}`,
        message:
          'Ufærdig ApS: Virksomheden har ingen henvisning til et erhvervshus eller Væksthus; Der er ingen kontaktperson hos virksomheden',
      },
    ]);
    expect(docxFiles(out)).toEqual([]);
    const pre = (await store.call('documents.preflightBatch', {
      kind: 'vaeksthus',
      companyIds: [...ids, bare.id],
    })) as {
      ready: number[];
      blocked: Array<{ companyId: number }>;
    };
    expect(pre.ready).toEqual(ids);
    expect(pre.blocked.map((b) => b.companyId)).toEqual([bare.id]);
    const partial = (await store.call('documents.generateBatch', {
      kind: 'vaeksthus',
      companyIds: [...ids, bare.id],
      folder: out,
      skipIncomplete: true,
    })) as BatchResult;
    expect(partial.documents).toHaveLength(2);
    expect(partial.skipped.map((s) => s.companyName)).toEqual(['Ufærdig ApS']);
  });
});

/** A firm whose every value tries to break a letter: XML specials, controls, braces, line breaks, emoji. */
async function seedHostileFirm(): Promise<number> {
  const evil = (await store.call('companies.create', {
    name: `<Smedjen & "Søn"> 'ApS' ]]> \u0007\uFFFE 🔨🇩🇰 {`,
    address: 'Vej <1>',
    city: 'Ærø',
  })) as Company;
  const contact = (await store.call('contacts.create', {
    companyId: evil.id,
    name: '}Ø\u0000le {{contact_name}}',
  })) as {
    id: number;
  };
  await store.call('referrals.create', {
    companyId: evil.id,
    organisationId: await orgId(store, 'Erhvervshus Midtjylland'),
    contactId: contact.id,
    reason: 'Årsag med {{company_cvr}} og {{ukendt}} og \u001b[31m farver \uD800\n\nefter en tom linje\n',
    needs: ['other', 'export'],
    needsText: `${'Lang tekst med æøå og 🍎. '.repeat(400)}`.slice(0, 10_000),
    background: 'Linje 1\r\nLinje 2\rLinje 3\tmed tab',
    localActions: '  mellemrum før og efter  ',
    consentOn: '2011-10-14',
    // Braces across rows: the batch checks such a letter for placeholders as the single path does.
    annexes: ['<script>alert(1)</script>', '💼 Bilag', '{', '{x}', '}'],
  });
  return evil.id;
}

/** Each company's document made on its own and in one batch, from the same data, as file pairs. */
async function aloneAndTogether(kind: string, ids: number[]): Promise<Array<[string, string]>> {
  const alone: GeneratedDocument[] = [];
  for (const companyId of ids) {
    alone.push(
      (await store.call('documents.generate', {
        kind,
        companyId,
        folder: path.join(store.dir, `${kind}-enkeltvis`),
        letterDate: LETTER_DATE,
      })) as GeneratedDocument,
    );
  }
  const together = (await store.call('documents.generateBatch', {
    kind,
    companyIds: ids,
    folder: path.join(store.dir, `${kind}-samlet`),
    letterDate: LETTER_DATE,
  })) as BatchResult;
  expect(together.documents.map((d) => d.fileName)).toEqual(alone.map((d) => d.fileName));
  return together.documents.map((d, i) => [d.path, alone[i]?.path ?? '']);
}

/** Every text part and the properties (the title names the firm); the logo's image part is the same bytes. */
const EVERY_PART =
  /^(word\/(document|header\d*|footer\d*|_rels\/.*)\.xml(\.rels)?|docProps\/core\.xml|\[Content_Types\]\.xml)$/;

async function expectSameParts(batchFile: string, aloneFile: string): Promise<void> {
  const mine = await readDocx(batchFile, EVERY_PART);
  const theirs = await readDocx(aloneFile, EVERY_PART);
  expect([...mine.keys()].sort()).toEqual([...theirs.keys()].sort());
  // A drawing's id is a counter `docx` keeps per process: it numbers, it does not say anything.
  const plain = (xml: string | undefined) => xml?.replace(/<wp:docPr id="\d+"/g, '<wp:docPr id="n"');
  for (const [part, xml] of theirs) expect({ part, xml: plain(mine.get(part)) }).toEqual({ part, xml: plain(xml) });
}

describe('a batch letter is the letter made on its own', () => {
  it('holds the same XML in every part, for a rich case, a hostile one and a plain one', {
    timeout: 120_000,
  }, async () => {
    store = openTestStore();
    await setLetterhead(store, true);
    const rich = (await seedCase(store)).company.id;
    const hostile = await seedHostileFirm();
    const [plain] = await seedFirms(1);
    const pairs = await aloneAndTogether('vaeksthus', [rich, hostile, plain as number]);
    for (const [batchFile, aloneFile] of pairs) await expectSameParts(batchFile, aloneFile);
    const evil = await docxText(pairs[1]?.[0] ?? '');
    expect(evil.body).toContain(`<Smedjen & "Søn"> 'ApS' ]]>`);
    expect(evil.body).toContain('Linje 1\nLinje 2\nLinje 3\tmed tab');
    expect(evil.all).not.toContain('{{');
  });

  it('does so for the LAG draft and the visit summary too, budget and follow-up tables included', {
    timeout: 120_000,
  }, async () => {
    store = openTestStore();
    await setLetterhead(store, false);
    const rich = (await seedCase(store)).company.id;
    for (const kind of ['lag', 'visit-summary']) {
      const [pair] = await aloneAndTogether(kind, [rich]);
      await expectSameParts(pair?.[0] ?? '', pair?.[1] ?? '');
    }
    const lag = await docxText(
      path.join(store.dir, 'lag-samlet', fs.readdirSync(path.join(store.dir, 'lag-samlet'))[0] ?? ''),
    );
    expect(lag.body).toContain('Kølerum 12 m³');
  });
});

// The full year (850 letters) is timed by `npm run bench` (bench/suites/letters.ts); here a batch of
// 120 proves a large run writes and records every letter, without adding minutes to npm test.
const BATCH = 120;

describe('a large batch of referral letters', () => {
  it(`generates ${BATCH} letters in one batch and prints how long it took`, { timeout: 600_000 }, async () => {
    store = openTestStore();
    await setLetterhead(store, true);
    const seeded = performance.now();
    const ids = await seedFirms(BATCH);
    const seedMs = performance.now() - seeded;
    const out = path.join(store.dir, 'breve');
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = (await store.call('documents.generateBatch', {
      kind: 'vaeksthus',
      companyIds: ids,
      folder: out,
      letterDate: LETTER_DATE,
    })) as BatchResult;
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    // CPU time says what the work costs whatever else the machine is doing; wall time is what one waits.
    const cpuMs = (used.user + used.system) / 1000;
    const bytes = result.documents.reduce((s, d) => s + d.sizeBytes, 0);
    console.log(
      `${BATCH} henvisningsbreve: ${(ms / 1000).toFixed(1)} s i alt, ${(ms / BATCH).toFixed(1)} ms pr. brev, ` +
        `${(bytes / 1024 / 1024).toFixed(1)} MB, CPU-tid ${(cpuMs / 1000).toFixed(1)} s ` +
        `(data oprettet på ${(seedMs / 1000).toFixed(1)} s)`,
    );
    expect(result.documents).toHaveLength(BATCH);
    expect(docxFiles(out)).toHaveLength(BATCH);
    expect(counts()).toEqual({ documents: BATCH, written: BATCH, journal: 0 });
    expect((await docxText(result.documents[BATCH - 1]?.path ?? '')).body).toContain(`Landhandel nr. ${BATCH} Ærø`);
  });
});
