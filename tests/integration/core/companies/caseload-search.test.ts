import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetCaseloadTotals } from '../../../../src-main/core/companies/caseload-count-cache';
import { queryCaseload } from '../../../../src-main/core/companies/caseload-query';
import {
  type CaseloadPage,
  type CaseloadQueryInput,
  caseloadQuerySchema,
} from '../../../../src-main/core/companies/caseload-schema';
import { generateCaseload } from '../../../../tools/generate/generate-caseload';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

let store: TestStore;

beforeAll(() => {
  store = openTestStore();
  generateCaseload(store.db, { companies: 600, seed: 18 });
});
afterAll(() => store.close());

/**
 * Words found in names, owners, cities, contact persons and notes of the generated caseload,
 * common and rare, single and paired, with a short word beside a long one, and one the word index
 * cannot answer (punctuation: the trigram indexes do).
 */
const SEARCHES = [
  'gård',
  'jensen',
  'smed',
  'aps',
  'hansen',
  'sen',
  'mark',
  'hjemmeside',
  'gård jensen',
  'smed a',
  'bøgely',
  'a/s',
  'GÅRD sen',
];
const SORTS: CaseloadQueryInput['sort'][] = [
  [],
  [{ column: 'name', desc: true }],
  [{ column: 'owner', desc: false }],
  [{ column: 'city', desc: true }],
  [{ column: 'lastContact', desc: true }],
  [{ column: 'kommune', desc: false }],
  [{ column: 'consultant', desc: true }],
  [{ column: 'updatedAt', desc: false }],
  // No index in this order: always answered by listing the matches.
  [{ column: 'employees', desc: false }],
];
const FILTERS: CaseloadQueryInput['filters'][] = [{}, { status: ['visited', 'in_progress'] }, { consultant: [1, 0] }];

/** The first page as a caller that can wait for the count asks for it, with every word taken as common. */
function firstPageLater(input: CaseloadQueryInput, limit: number): CaseloadPage {
  forgetCaseloadTotals(store.db);
  return queryCaseload(store.db, caseloadQuerySchema.parse({ ...input, limit, count: 'later' }), { rareHits: 0 });
}

function listed(input: CaseloadQueryInput, limit: number): CaseloadPage {
  forgetCaseloadTotals(store.db);
  return queryCaseload(store.db, caseloadQuerySchema.parse({ ...input, limit }));
}

/** Firms a word finds in names, CVR, cities and contact persons by the trigram indexes. */
const byTrigrams = (word: string) =>
  store.db
    .prepare(
      `SELECT rowid FROM companies_fts WHERE companies_fts MATCH ?
       UNION SELECT rowid FROM company_contacts_fts WHERE company_contacts_fts MATCH ? ORDER BY 1`,
    )
    .pluck()
    .all(`"${word}"`, `"${word}"`);

const allMatches = (input: CaseloadQueryInput) =>
  queryCaseload(store.db, caseloadQuerySchema.parse({ ...input, limit: 500 }))
    .rows.map((r) => r.id)
    .sort((a, b) => a - b);

describe('the quick search', () => {
  it('finds a word anywhere in names, CVR, cities and contact persons, as the trigram indexes do', () => {
    const texts = store.db.prepare('SELECT text FROM caseload_search_text').pluck().all() as string[];
    const pieces = new Set<string>();
    for (const text of texts.slice(0, 60))
      for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
        for (let i = 0; i + 3 <= word.length; i++) pieces.add(word.slice(i, i + 3 + (i % 4)));
    expect(pieces.size).toBeGreaterThan(200);
    for (const word of pieces) expect(allMatches({ search: word }), word).toEqual(byTrigrams(word));
  });

  it('looks in the visits’ notes only when asked to', () => {
    const inNotes = allMatches({ search: 'hjemmeside', notes: true });
    expect(inNotes.length).toBeGreaterThan(20);
    expect(allMatches({ search: 'hjemmeside' })).toEqual(byTrigrams('hjemmeside'));
    expect(allMatches({ search: 'hjemmeside' }).length).toBeLessThan(inNotes.length);
    // With the notes, a firm found by its name is still found.
    expect(allMatches({ search: 'jensen', notes: true })).toEqual(
      expect.arrayContaining(allMatches({ search: 'jensen' })),
    );
  });
});

describe('a search whose first page is read off the sort index', () => {
  it('shows the same firms in the same order as listing every match, for every word, sort and filter', () => {
    let walked = 0;
    let compared = 0;
    for (const search of SEARCHES)
      for (const sort of SORTS)
        for (const filters of FILTERS)
          for (const [limit, notes] of [
            [100, false],
            [7, false],
            [100, true],
          ] as const) {
            const input = { search, sort, filters, notes };
            const expected = listed(input, limit);
            const page = firstPageLater(input, limit);
            const label = JSON.stringify({ ...input, limit });
            expect(
              page.rows.map((r) => r.id),
              label,
            ).toEqual(expected.rows.map((r) => r.id));
            expect(page.rows, label).toEqual(expected.rows);
            // The total is either the same or left for the next page.
            if (page.total === null) walked++;
            else expect(page.total, label).toBe(expected.total);
            compared += expected.rows.length;
          }
    // The comparison is not vacuous: many pages had rows, and many came off the sort index.
    expect(compared).toBeGreaterThan(1_000);
    expect(walked).toBeGreaterThan(50);
  });

  it('leaves the count to the next page, which counts exactly as before', () => {
    const first = firstPageLater({ search: 'gård' }, 10);
    expect(first.total).toBeNull();
    const next = queryCaseload(store.db, caseloadQuerySchema.parse({ search: 'gård', offset: 10, limit: 10 }));
    expect(next.total).toBe(listed({ search: 'gård' }, 10).total);
    expect(next.total).toBeGreaterThan(10);
  });

  it('answers from the matches at once, count included, once the next page has listed them', () => {
    forgetCaseloadTotals(store.db);
    const q = (offset: number) => caseloadQuerySchema.parse({ search: 'gård', offset, limit: 10, count: 'later' });
    expect(queryCaseload(store.db, q(0), { rareHits: 0 }).total).toBeNull();
    const counted = queryCaseload(store.db, q(10), { rareHits: 0 }).total;
    const again = queryCaseload(store.db, q(0), { rareHits: 0 });
    expect(again.total).toBe(counted);
    expect(again.rows.map((r) => r.id)).toEqual(listed({ search: 'gård' }, 10).rows.map((r) => r.id));
  });

  it('answers a rare word, and a caller that wants the count, with the count as before', () => {
    const rare = queryCaseload(store.db, caseloadQuerySchema.parse({ search: 'bøgely', count: 'later' }));
    expect(rare.total).toBe(listed({ search: 'bøgely' }, 100).total);
    const counted = queryCaseload(store.db, caseloadQuerySchema.parse({ search: 'gård' }), { rareHits: 0 });
    expect(counted.total).toBe(listed({ search: 'gård' }, 100).total);
  });
});
