import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCompany as createRaw } from '../../../../src-main/core/companies/company-repo';
import { type CompanyCreateInput, companyCreateSchema } from '../../../../src-main/core/companies/schema';
import { createContact } from '../../../../src-main/core/contacts/contact-repo';
import { importInOneGo } from '../../../../src-main/core/interop/import-service';
import { ensureConsultant } from '../../../../src-main/core/reference/reference-data';
import { generateCaseload } from '../../../../tools/generate/generate-caseload';
import { caseloadContent, count, exportTo, freshDb, readWorkbook, seedCaseload } from '../../../helpers/interop';
import { tempDir } from '../../../helpers/temp-db';

/** As the API creates companies: through the form's schema, which trims text. */
const createCompany = (d: Database, input: CompanyCreateInput) => createRaw(d, companyCreateSchema.parse(input));

let dir: string;
let cleanup: () => void;
const open: Database[] = [];
beforeEach(() => {
  ({ dir, cleanup } = tempDir('bindeled-interop-'));
});
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  cleanup();
});
const db = (name: string) => {
  const d = freshDb(dir, name);
  open.push(d);
  return d;
};
const file = (name: string) => path.join(dir, name);

function addOddCompanies(a: Database): void {
  const c = createCompany(a, {
    name: '=HYPERLINK("http://x.example","klik") ApS',
    cvr: '13748136',
    ownerName: '+45 Ole "Oks" Ølund',
    city: 'Århus; C',
    employees: 3,
    founded: '17.10.2011',
    postcode: '8000',
    kommuneCode: 751,
  });
  createContact(a, {
    companyId: c.id,
    name: 'Åse\nmed linjeskift 😀',
    role: '@chef',
    email: 'aase@example.dk',
    isOwner: false,
  });
  createCompany(a, {
    name: 'Idé: mobilt bageri',
    statusReason: 'ingen CVR endnu',
    consultantId: ensureConsultant(a, 'Mette Ågård').id,
  });
}

describe('the caseload file round-trips', () => {
  it('export → import into an empty database → export gives the same content', async () => {
    const a = db('a.db');
    seedCaseload(a, 150);
    addOddCompanies(a);
    const first = await exportTo(a, 'caseload', file('a.bindeled.json'));
    expect(first.counts).toMatchObject({ companies: 152, consultants: 4, organisations: 9 });

    const b = db('b.db');
    const result = await importInOneGo(b, first.path);
    expect(result.written).toBe(true);
    expect(result.totals.invalid + result.totals.duplicate).toBe(0);
    const second = await exportTo(b, 'caseload', file('b.bindeled.json'));
    expect(caseloadContent(second.path)).toEqual(caseloadContent(first.path));
  });

  it('carries a whole caseload: visits, needs, participants, follow-ups, referrals, LAG, knowledge contacts, networks, documents', async () => {
    const a = db('a.db');
    generateCaseload(a, { companies: 150, seed: 5 });
    a.prepare(
      `INSERT INTO documents(uuid, company_id, kind, path, file_name, sha256, size_bytes, template_id, letter_date, created_at)
       VALUES ('0b9c7a52-3c0e-4d43-9d2e-2f7d1c9f2a11', 1, 'visit-summary', '/home/mette/Dokumenter/besøg.docx', 'besøg.docx', ?, 1234, 'visit-summary-v1', '2011-10-17', '2011-10-17T10:00:00Z')`,
    ).run('a'.repeat(64));
    const first = await exportTo(a, 'caseload', file('a.json'));
    for (const key of [
      'visits',
      'visitNeeds',
      'visitParticipants',
      'followups',
      'referrals',
      'lagApplications',
      'lagBudgetLines',
      'knowledgeContacts',
      'networks',
      'networkMembers',
      'networkMeetings',
      'documents',
      'supportSchemes',
    ]) {
      expect(first.counts[key], key).toBeGreaterThan(0);
    }
    const b = db('b.db');
    const r = await importInOneGo(b, first.path);
    expect(r.issues).toEqual([]);
    const second = await exportTo(b, 'caseload', file('b.json'));
    expect(caseloadContent(second.path)).toEqual(caseloadContent(first.path));
    // The triggers that keep derived columns ran on import: last contact is the latest visit.
    const derived = (d: Database) =>
      d.prepare('SELECT uuid, last_contact, next_followup FROM companies ORDER BY uuid').all();
    expect(derived(b)).toEqual(derived(a));
    const again = await importInOneGo(b, first.path);
    expect(again.totals).toMatchObject({ add: 0, update: 0, invalid: 0 });
  }, 120_000);

  it('exports a network with a selected member, but not the members that were not selected', async () => {
    const a = db('a.db');
    generateCaseload(a, { companies: 150, seed: 5 });
    const member = a.prepare('SELECT company_id AS id, network_id FROM network_members ORDER BY id LIMIT 1').get() as {
      id: number;
      network_id: number;
    };
    const out = await exportTo(a, 'caseload', file('one.json'), { kind: 'companies', ids: [member.id] });
    const content = caseloadContent(out.path) as {
      companies: unknown[];
      networks: unknown[];
      networkMembers: Array<{ company: string }>;
    };
    expect(content.companies).toHaveLength(1);
    expect(content.networks.length).toBeGreaterThanOrEqual(1);
    const uuid = (a.prepare('SELECT uuid FROM companies WHERE id = ?').get(member.id) as { uuid: string }).uuid;
    expect(content.networkMembers.every((m) => m.company === uuid)).toBe(true);
    // Handing it back to where it came from changes nothing.
    const back = await importInOneGo(a, out.path);
    expect(back.totals).toMatchObject({ add: 0, update: 0, invalid: 0 });
  });

  it('imports the same file twice without doubling anything', async () => {
    const a = db('a.db');
    seedCaseload(a, 40);
    const out = await exportTo(a, 'caseload', file('a.json'));
    const b = db('b.db');
    await importInOneGo(b, out.path);
    const before = [count(b, 'companies'), count(b, 'contacts'), count(b, 'consultants'), count(b, 'organisations')];
    const again = await importInOneGo(b, out.path);
    expect(again.totals).toMatchObject({ add: 0, update: 0, invalid: 0 });
    expect([count(b, 'companies'), count(b, 'contacts'), count(b, 'consultants'), count(b, 'organisations')]).toEqual(
      before,
    );
  });

  it('exports a selection with only the consultants its companies refer to', async () => {
    const a = db('a.db');
    seedCaseload(a, 60);
    addOddCompanies(a);
    const out = await exportTo(a, 'caseload', file('sel.json'), {
      kind: 'query',
      filters: {},
      search: 'mobilt bageri',
    });
    const content = caseloadContent(out.path) as {
      companies: Array<{ name: string }>;
      consultants: Array<{ name: string }>;
      organisations: unknown[];
    };
    expect(content.companies.map((c) => c.name)).toEqual(['Idé: mobilt bageri']);
    expect(content.consultants.map((c) => c.name)).toEqual(['Mette Ågård']);
    expect(content.organisations).toEqual([]);
  });

  it('merges a handed-over file by CVR into a database that already knows the firm', async () => {
    const a = db('a.db');
    addOddCompanies(a);
    const out = await exportTo(a, 'caseload', file('a.json'));
    const b = db('b.db');
    const mine = createCompany(b, { name: 'Gammelt navn', cvr: '13748136' });
    // Older than the file's copy, whatever second each was made in: a newer local row is kept.
    b.prepare("UPDATE companies SET updated_at = '2020-01-01T00:00:00Z' WHERE id = ?").run(mine.id);
    const r = await importInOneGo(b, out.path);
    expect(r.written).toBe(true);
    expect(r.entities.find((e) => e.entity === 'companies')).toMatchObject({ add: 1, update: 1 });
    const row = b.prepare('SELECT uuid, name FROM companies WHERE cvr = ?').get('13748136') as {
      uuid: string;
      name: string;
    };
    // The local identity stays; the content comes from the file (it is newer than the local row).
    expect(row.uuid).toBe(mine.uuid);
    expect(row.name).toContain('HYPERLINK');
    expect(count(b, 'companies')).toBe(2);
  });
});

describe('CSV and XLSX round-trip the companies', () => {
  const stable = (rows: string[][]) => rows.map((r) => r.slice(0, -2)); // Oprettet/Ændret are the import's own dates

  it('CSV: export → import → export gives the same table', async () => {
    const a = db('a.db');
    seedCaseload(a, 120);
    addOddCompanies(a);
    const first = await exportTo(a, 'csv', file('a.csv'));
    const text = fs.readFileSync(first.path, 'utf8');
    expect(text.startsWith('\uFEFFId;Navn;CVR-nr.;')).toBe(true);
    expect(text).toContain(`;"'=HYPERLINK(""http://x.example"",""klik"") ApS";`);
    expect(text.split('\r\n').length).toBe(124);

    const b = db('b.db');
    const r = await importInOneGo(b, first.path);
    expect(r.totals).toMatchObject({ add: 122, invalid: 0, duplicate: 0 });
    const second = await exportTo(b, 'csv', file('b.csv'));
    const table = (p: string) =>
      fs
        .readFileSync(p, 'utf8')
        .split('\r\n')
        .map((l) => l.split(';'));
    expect(stable(table(second.path))).toEqual(stable(table(first.path)));
    expect((b.prepare('SELECT name FROM companies WHERE cvr = ?').get('13748136') as { name: string }).name).toBe(
      '=HYPERLINK("http://x.example","klik") ApS',
    );
  });

  it('XLSX: export → import → export gives the same sheets', async () => {
    const a = db('a.db');
    seedCaseload(a, 80);
    addOddCompanies(a);
    const first = await exportTo(a, 'xlsx', file('a.xlsx'));
    expect(first.counts).toMatchObject({ companies: 82 });
    const b = db('b.db');
    const r = await importInOneGo(b, first.path);
    expect(r.totals).toMatchObject({ add: 82, invalid: 0 });
    const second = await exportTo(b, 'xlsx', file('b.xlsx'));
    const [x, y] = [await readWorkbook(first.path), await readWorkbook(second.path)];
    const strip = (rows: unknown[][] | undefined) => (rows ?? []).map((row) => row.slice(0, -2));
    expect(strip(y.get('Virksomheder'))).toEqual(strip(x.get('Virksomheder')));
    // Contacts beyond the owner are not in a companies sheet: only owners come back from a spreadsheet.
    expect(y.get('Kontaktpersoner')?.length).toBeLessThanOrEqual(x.get('Kontaktpersoner')?.length ?? 0);
  });
});

describe('random tables survive export → import', () => {
  const char = fc.constantFrom(
    'a',
    'B',
    'æ',
    'ø',
    'å',
    'Æ',
    'Ø',
    'Å',
    '"',
    ';',
    ',',
    '\n',
    ' ',
    '=',
    '+',
    '-',
    '@',
    "'",
    '😀',
    '\t',
    'é',
  );
  const text = (max: number) =>
    fc.string({ unit: char, minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0);
  const company = fc.record({
    name: text(40),
    city: fc.option(text(20), { nil: undefined }),
    address: fc.option(text(30), { nil: undefined }),
    ownerName: fc.option(text(25), { nil: undefined }),
    employees: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
  });

  for (const format of ['csv', 'xlsx', 'caseload'] as const) {
    it(`${format}: names with æøå, quotes, ;, line breaks, emoji and a leading = come back unchanged`, async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(company, { minLength: 1, maxLength: 12 }), async (companies) => {
          run++;
          const a = db(`p${run}-a.db`);
          for (const c of companies) createCompany(a, c);
          const out = await exportTo(a, format, file(`p${run}.${format === 'caseload' ? 'json' : format}`));
          const b = db(`p${run}-b.db`);
          const r = await importInOneGo(b, out.path);
          expect(r.issues).toEqual([]);
          const rows = (d: Database) =>
            d
              .prepare(`SELECT c.uuid, c.name, c.city, c.address, c.employees,
              (SELECT name FROM contacts o WHERE o.company_id = c.id AND o.is_owner = 1) AS owner FROM companies c ORDER BY c.uuid`)
              .all();
          expect(rows(b)).toEqual(rows(a));
        }),
        { numRuns: format === 'xlsx' ? 8 : 15 },
      );
    }, 180_000);
  }
});
