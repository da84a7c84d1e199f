import { forgetCaseloadTotals } from '../../src-main/core/companies/caseload-count-cache';
import { planCaseload, queryCaseload } from '../../src-main/core/companies/caseload-query';
import { type CaseloadQueryInput, caseloadQuerySchema } from '../../src-main/core/companies/caseload-schema';
import type { Figure } from '../lib/figures';
import { measure } from '../lib/stats';
import type { Store } from '../lib/store';

const TARGET = { ms: 5, ratio: 1.5 };

/** Caseload pages a consultant asks for: the default view, sorts, filters and searches. */
export const CASELOAD_CASES: ReadonlyArray<{ name: string; input: CaseloadQueryInput }> = [
  { name: 'first page, sorted by name', input: {} },
  { name: 'last page (scrolled to the bottom)', input: { offset: -1 } },
  { name: 'sorted by owner', input: { sort: [{ column: 'owner', desc: false }] } },
  { name: 'sorted by last contact, newest first', input: { sort: [{ column: 'lastContact', desc: true }] } },
  { name: 'sorted by kommune (joined name)', input: { sort: [{ column: 'kommune', desc: false }] } },
  { name: 'sorted by consultant, descending', input: { sort: [{ column: 'consultant', desc: true }] } },
  {
    name: 'kommune Aarhus, sorted by city',
    input: { filters: { kommune: [751] }, sort: [{ column: 'city', desc: false }] },
  },
  {
    name: '2 statuses, sorted by last change',
    input: { filters: { status: ['visited', 'in_progress'] }, sort: [{ column: 'updatedAt', desc: true }] },
  },
  { name: 'search firm name "bøgely"', input: { search: 'bøgely' } },
  { name: 'search person "jensen"', input: { search: 'jensen' } },
  { name: 'search "smed"', input: { search: 'smed' } },
  { name: 'search "smed" in names and visit notes', input: { search: 'smed', notes: true } },
  { name: 'search 2 letters "bo"', input: { search: 'bo' } },
  // Two letters match the start of a name (migration 80): "bo" starts no generated name, "ba" many.
  { name: 'search 2 letters "ba"', input: { search: 'ba' } },
  {
    name: 'consultant + search "gård" + sort last contact',
    input: { filters: { consultant: [3] }, search: 'gård', sort: [{ column: 'lastContact', desc: true }] },
  },
];

/** Searches the table types, answered as it asks for them (the first page, the count later). */
export const FIRST_PAGE_CASES: ReadonlyArray<{ name: string; input: CaseloadQueryInput }> = [
  { name: '"gård"', input: { search: 'gård' } },
  { name: '"jensen"', input: { search: 'jensen' } },
  { name: '"smed"', input: { search: 'smed' } },
  { name: '"aps"', input: { search: 'aps' } },
  { name: '"hansen"', input: { search: 'hansen' } },
  { name: '"sen"', input: { search: 'sen' } },
  { name: '"jensen gård"', input: { search: 'jensen gård' } },
  { name: '"gård" in names and visit notes', input: { search: 'gård', notes: true } },
  { name: '"gård", sorted by last contact', input: { search: 'gård', sort: [{ column: 'lastContact', desc: true }] } },
  {
    name: 'consultant + "gård" + sort last contact',
    input: { filters: { consultant: [3] }, search: 'gård', sort: [{ column: 'lastContact', desc: true }] },
  },
];

/**
 * Each case through the API dispatcher (zod, access log, count cache — as the UI calls it) and the
 * same statements run bare on better-sqlite3 with statements prepared once. "New query" forgets the
 * remembered totals before every run, so it counts; "next page" is the scrolling case.
 */
export async function caseloadFigures(store: Store, size: number, runs: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  const companies = (store.db.prepare('SELECT count(*) FROM companies').pluck().get() as number) || 1;
  for (const c of CASELOAD_CASES) {
    const input: CaseloadQueryInput = { ...c.input };
    if (input.offset === -1) input.offset = Math.max(0, companies - 100);
    const query = caseloadQuerySchema.parse(input);
    forgetCaseloadTotals(store.db);
    const plan = planCaseload(store.db, query);
    const count = store.db.prepare(plan.countSql);
    const page = store.db.prepare(plan.pageSql);
    const list = store.db.prepare(plan.listSql);
    const rows = store.db.prepare(plan.rowsSql);
    // The same statements the app runs for this query: a count and a page, or (a search) the list.
    const bare = () => {
      let ids: number[];
      if (plan.mode === 'list') {
        ids = (list.all(...plan.params) as Array<{ id: number }>)
          .map((r) => r.id)
          .slice(query.offset, query.offset + query.limit);
      } else {
        count.get(...plan.params);
        ids = (page.all(...plan.params, query.limit, query.offset) as Array<{ id: number }>).map((r) => r.id);
      }
      rows.all(JSON.stringify(ids));
    };
    const api = async () => {
      forgetCaseloadTotals(store.db);
      await store.call('companies.list', input);
    };
    const baseline = await measure(bare, { runs });
    const timing = await measure(api, { runs });
    const total = queryCaseload(store.db, query).total;
    figures.push({
      size,
      name: `caseload: ${c.name}`,
      timing,
      baseline: { name: 'same SQL bare', timing: baseline },
      target: TARGET,
      extra: `${total} matches${plan.mode === 'list' ? ', listed once' : ''}`,
    });
  }
  // The table's first page of a search, which may come before the count (`count: 'later'`): the
  // baseline is the same page with its count, as every search was answered before.
  for (const c of FIRST_PAGE_CASES) {
    const later = { ...c.input, count: 'later' as const };
    const baseline = await measure(
      async () => {
        forgetCaseloadTotals(store.db);
        await store.call('companies.list', c.input);
      },
      { runs },
    );
    const timing = await measure(
      async () => {
        forgetCaseloadTotals(store.db);
        await store.call('companies.list', later);
      },
      { runs },
    );
    const page = queryCaseload(store.db, caseloadQuerySchema.parse(later));
    figures.push({
      size,
      name: `caseload: first page of ${c.name}, count later`,
      timing,
      baseline: { name: 'same page with its count', timing: baseline },
      target: { ms: TARGET.ms },
      extra: `${page.rows.length} rows, total ${page.total === null ? 'counted by the next page' : `${page.total} (known)`}`,
    });
  }
  // Scrolling: page after page of one search; its matches were listed by the first page.
  // The second page where there is one (a small caseload has fewer than 200 "jensen" firms).
  const matches = queryCaseload(store.db, caseloadQuerySchema.parse({ search: 'jensen' })).total ?? 0;
  const offset = Math.min(100, Math.max(0, matches - 100));
  const scroll = caseloadQuerySchema.parse({ search: 'jensen', offset });
  const plan = planCaseload(store.db, scroll);
  const rows = store.db.prepare(plan.rowsSql);
  const ids = queryCaseload(store.db, scroll).rows.map((r) => r.id);
  const baseline = await measure(() => rows.all(JSON.stringify(ids)), { runs });
  const timing = await measure(() => store.call('companies.list', { search: 'jensen', offset }), { runs });
  figures.push({
    size,
    name: 'caseload: next page of "jensen" (matches remembered)',
    timing,
    baseline: { name: 'same SQL bare', timing: baseline },
    target: TARGET,
  });
  return figures;
}
