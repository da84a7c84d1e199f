import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../../src-main/api/contract';
import type { Company } from '../../../src-main/core/companies/schema';
import { LETTER_DATE, type SampleCase, seedCase, setLetterhead } from '../../helpers/documents-fixtures';
import { openTestStore, type TestStore } from '../../helpers/temp-db';

interface Entry {
  action: string;
  method: string;
  transport: string;
  companyId: number | string | null;
  detail: string | null;
}

let store: TestStore;
let sample: SampleCase;
let other: Company;
let doomed: Company;
/** Made near the end, so the searches above still find one 'Gårdbutik': the sample firm's twin without a CVR. */
let twin: Company | undefined;

beforeEach(async () => {
  store = openTestStore();
  await setLetterhead(store, false);
  sample = await seedCase(store);
  other = (await store.call('companies.create', { name: 'Smedjen i Ry', ownerName: 'Bo Smed' })) as Company;
  doomed = (await store.call('companies.create', { name: 'Lukket Kro', ownerName: 'Ib Kro' })) as Company;
  // The seeding itself logs nothing worth comparing; start from an empty log.
  store.db.prepare('DELETE FROM access_log').run();
});
afterEach(() => {
  store.close();
  twin = undefined;
});

/** The log since `from`, oldest first, with the temp folder and company ids written as names. */
function entriesSince(from: number): Entry[] {
  const ids = new Map<number, string>([
    [sample.company.id, 'sample'],
    [other.id, 'other'],
    [doomed.id, 'doomed'],
    ...(twin ? ([[twin.id, 'twin']] as const) : []),
  ]);
  const rows = store.db
    .prepare('SELECT action, method, transport, company_id, detail FROM access_log WHERE id > ? ORDER BY id')
    .all(from) as Array<{
    action: string;
    method: string;
    transport: string;
    company_id: number | null;
    detail: string | null;
  }>;
  return rows.map((r) => ({
    action: r.action,
    method: r.method,
    transport: r.transport,
    companyId: r.company_id === null ? null : (ids.get(r.company_id) ?? r.company_id),
    detail:
      r.detail
        ?.split(store.dir)
        .join('<dir>')
        .replace(/\d{4}-\d{2}-\d{2}/g, '<date>')
        .replace(`id ${doomed.id}`, 'id <doomed>') ?? null,
  }));
}

function lastId(): number {
  return (store.db.prepare('SELECT coalesce(max(id), 0) AS n FROM access_log').get() as { n: number }).n;
}

/** One representative call per method that uses personal data, in an order where each leaves the rest possible. */
async function representativeCalls(): Promise<Array<{ call: string; entries: Entry[] }>> {
  const out = path.join(store.dir, 'ud');
  const c = sample.company.id;
  const plan = path.join(store.dir, 'plan.pdf');
  fs.writeFileSync(plan, '%PDF forretningsplan');
  // An input may be a function, for a call that needs what an earlier call made.
  const calls: Array<[string, string, unknown]> = [
    ['companies.get', 'companies.get', { id: c }],
    ['companies.history', 'companies.history', { id: c }],
    ['contacts.list', 'contacts.list', { companyId: c }],
    ['visits.get', 'visits.get', { id: sample.visitId }],
    ['companies.list (no search)', 'companies.list', { offset: 0, limit: 10 }],
    ['companies.list (search)', 'companies.list', { search: ' gårdbutik ', offset: 0, limit: 10 }],
    ['companies.list (search, next page)', 'companies.list', { search: 'gårdbutik', offset: 10, limit: 10 }],
    ['companies.list (other search, later page)', 'companies.list', { search: 'smed', offset: 10, limit: 10 }],
    ['search.visits (empty)', 'search.visits', { query: '  ' }],
    ['search.visits', 'search.visits', { query: 'æbler', companyId: c }],
    ['search.visits (page 2)', 'search.visits', { query: 'æbler', offset: 25 }],
    ['privacy.retentionCandidates', 'privacy.retentionCandidates', {}],
    ['privacy.accessRequest (company)', 'privacy.accessRequest', { companyId: c }],
    ['privacy.accessRequest (person)', 'privacy.accessRequest', { personName: 'Bo Smed' }],
    [
      'documents.generate',
      'documents.generate',
      { kind: 'vaeksthus', companyId: c, folder: out, letterDate: LETTER_DATE },
    ],
    [
      'documents.generateBatch',
      'documents.generateBatch',
      { kind: 'visit-summary', companyIds: [c, other.id], folder: out, letterDate: LETTER_DATE, skipIncomplete: true },
    ],
    ['documents.regenerate', 'documents.regenerate', { id: 1, folder: out }],
    [
      'interop.export (ids)',
      'interop.export',
      { format: 'csv', path: path.join(out, 'ids.csv'), scope: { kind: 'companies', ids: [c, other.id] } },
    ],
    [
      'interop.export (query)',
      'interop.export',
      { format: 'csv', path: path.join(out, 'q.csv'), scope: { kind: 'query', search: 'smed' } },
    ],
    ['interop.export (all)', 'interop.export', { format: 'xlsx', path: path.join(out, 'alle.xlsx') }],
    [
      'report.exportXlsx',
      'report.exportXlsx',
      { from: '2011-01-01', to: '2011-12-31', path: path.join(out, 'r.xlsx') },
    ],
    [
      'report.exportDocx',
      'report.exportDocx',
      { from: '2011-01-01', to: '2011-12-31', path: path.join(out, 'r.docx') },
    ],
    ['privacy.anonymise', 'privacy.anonymise', { ids: [other.id] }],
    ['privacy.anonymiseDue', 'privacy.anonymiseDue', {}],
    ['privacy.deleteCompany', 'privacy.deleteCompany', { id: doomed.id, confirmName: 'Lukket Kro' }],
    // Methods that touch no personal data, or change it (the audit log records changes).
    ['views.list', 'views.list', {}],
    ['companies.update', 'companies.update', { id: c, changes: { phone: '12345678' } }],
    ['visits.list', 'visits.list', { companyId: c }],
    // Added with the declarations, for the CLI: no entries from before to compare with.
    ['companies.lookup', 'companies.lookup', { ref: '13748136' }],
    ['privacy.accessRequest (chosen file)', 'privacy.accessRequest', { companyId: c, path: path.join(out, 'i.json') }],
    ['backups.copy', 'backups.copy', { path: path.join(out, 'kopi.db') }],
    // Attachments: adding is a change; listing and opening are reads, the zip an export.
    ['attachments.add', 'attachments.add', { companyId: c, path: plan }],
    ['attachments.list', 'attachments.list', { companyId: c }],
    ['attachments.open', 'attachments.open', { id: 1 }],
    ['interop.exportWithFiles', 'interop.exportWithFiles', { path: path.join(out, 'alle.zip') }],
    // Duplicates: finding and previewing read both firms; the merge itself is a change.
    ['companies.create (twin)', 'companies.create', { name: 'Ådalens Gårdbutik' }],
    ['companies.duplicates', 'companies.duplicates', { companyId: c }],
    ['companies.mergePreview', 'companies.mergePreview', () => ({ keepId: c, mergeId: twin?.id })],
    ['calendar.export', 'calendar.export', { consultant: 'all', path: path.join(out, 'k.ics') }],
    ['calendar.item', 'calendar.item', { kind: 'visit', id: sample.visitId, path: path.join(out, 'besoeg.ics') }],
    [
      'pipelines.export',
      'pipelines.export',
      { kind: 'referrals', format: 'csv', path: path.join(out, 'henvisninger.csv'), query: {} },
    ],
    // The de minimis ledger: a read of the firm's aid.
    ['deminimis.status', 'deminimis.status', { companyId: c }],
    // A letter sent on: its e-mail draft and its PDF are exports of the letter's firm.
    ['documents.emailDraft', 'documents.emailDraft', { id: 1 }],
    ['documents.pdf', 'documents.pdf', { ids: [1] }],
  ];
  const results: Array<{ call: string; entries: Entry[] }> = [];
  for (const [label, method, input] of calls) {
    const from = lastId();
    const made = await store.call(method, typeof input === 'function' ? input() : input);
    if (label === 'companies.create (twin)') twin = made as Company;
    results.push({ call: label, entries: entriesSince(from) });
  }
  return results;
}

/**
 * What the access log wrote for each call when the policy was a table of method names in
 * access-log.ts (recorded by running these calls against that code): [action, company, detail].
 * The policy now lives with each method in the contract; the entries must not change.
 */
const EXPECTED: Array<[string, Array<[string, string | null, string | null]>]> = [
  ['companies.get', [['read', 'sample', null]]],
  ['companies.history', [['read', 'sample', null]]],
  ['contacts.list', [['read', 'sample', null]]],
  ['visits.get', [['read', 'sample', null]]],
  ['companies.list (no search)', []],
  ['companies.list (search)', [['search', null, 'Søgning: "gårdbutik" (1 fundet)']]],
  ['companies.list (search, next page)', []],
  ['companies.list (other search, later page)', [['search', null, 'Søgning: "smed" (1 fundet)']]],
  ['search.visits (empty)', []],
  ['search.visits', [['search', 'sample', 'Søgning: "æbler" (1 fundet)']]],
  ['search.visits (page 2)', [['search', null, 'Søgning: "æbler" (1 fundet)']]],
  ['privacy.retentionCandidates', [['read', null, 'Gennemgang af sager til anonymisering']]],
  [
    'privacy.accessRequest (company)',
    [['access_request', 'sample', 'fil: <dir>/Dokumenter/Indsigt - Ådalens Gårdbutik ApS - <date>.json']],
  ],
  [
    'privacy.accessRequest (person)',
    [['access_request', null, 'Person: Bo Smed; fil: <dir>/Dokumenter/Indsigt - Bo Smed - <date>.json']],
  ],
  ['documents.generate', [['export', 'sample', 'Fil: <dir>/ud/Henvisning - Ådalens Gårdbutik ApS - <date>.docx']]],
  [
    'documents.generateBatch',
    [
      ['export', 'sample', null],
      ['export', 'other', null],
    ],
  ],
  ['documents.regenerate', [['export', null, 'Fil: <dir>/ud/Henvisning - Ådalens Gårdbutik ApS - <date>.docx']]],
  [
    'interop.export (ids)',
    [
      ['export', 'sample', 'Fil: <dir>/ud/ids.csv'],
      ['export', 'other', 'Fil: <dir>/ud/ids.csv'],
    ],
  ],
  ['interop.export (query)', [['export', null, 'Fil: <dir>/ud/q.csv']]],
  ['interop.export (all)', [['export', null, 'Fil: <dir>/ud/alle.xlsx']]],
  ['report.exportXlsx', [['export', null, 'Fil: <dir>/ud/r.xlsx']]],
  ['report.exportDocx', [['export', null, 'Fil: <dir>/ud/r.docx']]],
  ['privacy.anonymise', [['anonymise', 'other', null]]],
  ['privacy.anonymiseDue', [['anonymise', null, 'Alle forfaldne sager (0 anonymiseret)']]],
  ['privacy.deleteCompany', [['delete', null, 'Virksomhed id <doomed>']]],
  ['views.list', []],
  ['companies.update', []],
  ['visits.list', []],
];

const ADDED: typeof EXPECTED = [
  ['companies.lookup', [['read', 'sample', null]]],
  ['privacy.accessRequest (chosen file)', [['access_request', 'sample', 'fil: <dir>/ud/i.json']]],
  ['backups.copy', [['export', null, 'Fil: <dir>/ud/kopi.db']]],
  ['attachments.add', []],
  ['attachments.list', [['read', 'sample', null]]],
  ['attachments.open', [['read', 'sample', 'Bilag åbnet']]],
  ['interop.exportWithFiles', [['export', null, 'Fil: <dir>/ud/alle.zip']]],
  ['companies.create (twin)', []],
  [
    'companies.duplicates',
    [
      ['read', 'sample', null],
      ['read', 'twin', null],
    ],
  ],
  [
    'companies.mergePreview',
    [
      ['read', 'sample', null],
      ['read', 'twin', null],
    ],
  ],
  ['calendar.export', [['export', null, 'Fil: <dir>/ud/k.ics']]],
  ['calendar.item', [['export', null, 'Fil: <dir>/ud/besoeg.ics']]],
  ['pipelines.export', [['export', null, 'Fil: <dir>/ud/henvisninger.csv']]],
  ['deminimis.status', [['read', 'sample', null]]],
  ['documents.emailDraft', [['export', null, 'Fil: <dir>/ud/Henvisning - Ådalens Gårdbutik ApS - <date>.eml']]],
  ['documents.pdf', [['export', null, 'Fil: <dir>/ud/Henvisning - Ådalens Gårdbutik ApS - <date>.pdf']]],
];

describe('the access log policy declared in the contract', () => {
  it('writes the same entries as before for a representative call of each method', async () => {
    const results = await representativeCalls();
    expect(results.map((r) => [r.call, r.entries.map((e) => [e.action, e.companyId, e.detail])])).toEqual([
      ...EXPECTED,
      ...ADDED,
    ]);
    for (const r of results) {
      for (const e of r.entries) {
        expect(e.method, r.call).toBe(r.call.split(' ')[0]);
        expect(e.transport).toBe('cli');
      }
    }
  });

  it('has a representative call above for every method that declares an access', async () => {
    const called = new Set(
      [...EXPECTED, ...ADDED].filter(([, entries]) => entries.length > 0).map(([call]) => call.split(' ')[0]),
    );
    const logged = METHOD_NAMES.filter((m) => contract[m].access.access !== 'none');
    expect([...called].sort()).toEqual([...logged].sort());
  });
});
