import type { Database } from 'better-sqlite3';
import { all, get } from '../db/sql';
import { COMPANY_STATUSES } from '../domain/company-status';
import { danishSortKey } from '../domain/sort-key';
import { industryTitle } from '../reference/industry-codes';
import { cachedList, cachedTotal, knownList } from './caseload-count-cache';
import type { CaseloadPage, CaseloadQuery, CaseloadRow, SortableColumn } from './caseload-schema';
import { hitsOf, RARE_HITS, type SearchSet, searchSets, searchWords, textTestSql } from './caseload-search';

/**
 * The caseload table's one query: filter, search, sort and page in SQLite, so the renderer only
 * ever holds the rows on screen (docs/architecture.md: big tables stay in SQLite).
 */
// Kept on the company row by triggers (migration 60): a sub-query per firm made sorting by owner
// slow at a large caseload.
const OWNER = 'c.owner_name';
const STATUS_ORDER = `CASE c.status ${COMPANY_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;

const SORT_SQL: Record<SortableColumn, string> = {
  name: 'c.name_sort',
  cvr: 'c.cvr',
  owner: OWNER,
  city: 'c.city',
  postcode: 'c.postcode',
  // Joined names kept on the company row by triggers (migration 80), so these sorts walk an index.
  kommune: 'c.kommune_name',
  status: STATUS_ORDER,
  consultant: 'c.consultant_name',
  industryCode: 'c.industry_code',
  employees: 'c.employees',
  legalForm: 'c.legal_form',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
  // Denormalised by triggers (migration 20), so sorting 100,000 firms needs no aggregate.
  lastContact: 'c.last_contact',
  nextFollowup: 'c.next_followup',
  // Kept joined on the firm's row by triggers (migration 190); no index: few sort by it.
  tags: 'c.tags_text',
};

/** Sort columns that are never NULL (the status CASE covers every status). */
const NEVER_NULL: ReadonlySet<SortableColumn> = new Set(['name', 'status', 'createdAt', 'updatedAt']);

/**
 * How a page's SQL reads the sort's index: `scanSortIndex` keeps SQLite on it (filters tested row
 * by row); `walkSortIndex` looks each firm up in the words' sets instead of reading the sets'
 * firms and sorting them; the words in `tested` have no set: each firm's text is tested for them
 * (`textTest`, caseload-search.ts).
 */
export interface WalkOptions {
  scanSortIndex?: boolean;
  walkSortIndex?: boolean;
  tested?: ReadonlySet<string>;
  textTest?: string;
}

export function buildWhere(
  query: Pick<CaseloadQuery, 'filters' | 'search'> & { notes?: boolean },
  opts: WalkOptions = {},
): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const tests: string[] = [];
  const testParams: unknown[] = [];
  const { filters } = query;
  // A unary + keeps SQLite from using a filter column's index, so it walks the sort's index instead.
  const col = (name: string) => (opts.scanSortIndex ? `+c.${name}` : `c.${name}`);
  if (filters.kommune?.length) {
    where.push(`${col('kommune_code')} IN (${filters.kommune.map(() => '?').join(',')})`);
    params.push(...filters.kommune);
  }
  if (filters.status?.length) {
    where.push(`${col('status')} IN (${filters.status.map(() => '?').join(',')})`);
    params.push(...filters.status);
  }
  if (filters.consultant?.length) {
    const ids = filters.consultant.filter((id) => id > 0);
    const parts: string[] = [];
    if (ids.length) {
      parts.push(`${col('consultant_id')} IN (${ids.map(() => '?').join(',')})`);
      params.push(...ids);
    }
    if (filters.consultant.includes(0)) parts.push(`${col('consultant_id')} IS NULL`);
    where.push(`(${parts.join(' OR ')})`);
  }
  const industry = filters.industry?.replace(/\./g, '');
  if (industry) {
    // A range keeps the industry index usable, where LIKE 'x%' would not be on a non-ASCII collation.
    where.push(`${col('industry_code')} >= ? AND ${col('industry_code')} < ?`);
    params.push(industry, `${industry}\u{10FFFF}`);
  }
  if (filters.tags?.length) {
    where.push(
      `c.id IN (SELECT ct.company_id FROM company_tags ct WHERE ct.tag_id IN (${filters.tags.map(() => '?').join(',')}))`,
    );
    params.push(...filters.tags);
  }
  const { long, short } = searchWords(query.search);
  if (long.length || short.length) {
    if (!long.length) {
      // Only one or two letters: no index can find them inside a text, and a scan of every firm and
      // contact person is too slow for typing at a large caseload. They match the start of the firm's name instead
      // (in Danish order, as the list is sorted: "aa" is "å"), a range of the name's sort key.
      const prefix = danishSortKey(short.join(' '));
      where.push('c.name_sort >= ? AND c.name_sort < ?');
      params.push(prefix, `${prefix}\u{10FFFF}`);
    }
    // Each word must occur in the firm's own fields or a contact person's name (with `notes`, or
    // one of its visits' notes): the firm is in each of the words' sets. Walking a sort's index, a
    // unary + keeps SQLite from reading the firms off a set and sorting them: each firm in the
    // index's order is looked up in the set instead; a set in `tested` is not built at all.
    for (const set of searchSets(long, query.notes ?? false)) {
      if (opts.textTest && set.words.every((w) => opts.tested?.has(w))) {
        for (const w of set.words) {
          tests.push(opts.textTest);
          testParams.push(w);
        }
        continue;
      }
      where.push(`${opts.walkSortIndex ? '+c.id' : 'c.id'} IN (${set.sql})`);
      params.push(...set.params);
    }
    // Beside a longer word, a short one may occur anywhere in the firm's name, CVR, city or a
    // contact's name (LIKE, as the trigram tables' own LIKE matches). It is tested only on the
    // firms the longer words found, so it reads a few rows, not the whole caseload.
    if (long.length) {
      for (const w of short) {
        const like = `%${w.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
        where.push(`(c.name LIKE ? ESCAPE '\\' OR c.cvr LIKE ? ESCAPE '\\' OR c.city LIKE ? ESCAPE '\\'
          OR EXISTS (SELECT 1 FROM contacts p WHERE p.company_id = c.id AND p.name LIKE ? ESCAPE '\\'))`);
        params.push(like, like, like, like);
      }
    }
  }
  // A firm's text is read only for firms that passed everything else: a CASE keeps SQLite from
  // testing the text first, which for two words read the text of every firm the walk passed.
  if (tests.length) {
    const rest = where.length ? where.join(' AND ') : '1';
    return {
      sql: `WHERE CASE WHEN ${rest} THEN ${tests.join(' AND ')} ELSE 0 END`,
      params: [...params, ...testParams],
    };
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function caseloadSql(
  query: CaseloadQuery,
  opts: WalkOptions = {},
): {
  pageSql: string;
  /** The page's query without its LIMIT: every match in order (a search lists them once). */
  listSql: string;
  countSql: string;
  rowsSql: string;
  params: unknown[];
} {
  const { sql: whereSql, params } = buildWhere(query, opts);
  const sort = query.sort.length ? query.sort : [{ column: 'name' as const, desc: false }];
  const orderBy = sort
    .map((s) => {
      const expr = SORT_SQL[s.column];
      const dir = s.desc ? 'DESC' : 'ASC';
      // "Empty last" as its own term only where a value can be empty: the extra term stops SQLite
      // from reading the order off an index (migration 60 has indexes in exactly these shapes).
      return NEVER_NULL.has(s.column) ? `${expr} ${dir}` : `${expr} IS NULL, ${expr} ${dir}`;
    })
    .concat('c.id ASC')
    .join(', ');
  const listSql = `SELECT c.id FROM companies c ${whereSql}
    ORDER BY ${orderBy}`;
  const countSql = `SELECT count(*) AS n FROM companies c ${whereSql}`;
  return { pageSql: `${listSql} LIMIT ? OFFSET ?`, listSql, countSql, rowsSql: ROW_SQL, params };
}

const ROW_SQL = `SELECT c.id, c.uuid, c.cvr, c.name, c.owner_name AS owner, c.city, c.postcode,
    c.kommune_code AS kommuneCode, k.name AS kommune, c.status, c.consultant_id AS consultantId, s.name AS consultant,
    c.industry_code AS industryCode, c.industry_system AS industrySystem, c.employees, c.legal_form AS legalForm, c.created_at AS createdAt,
    c.updated_at AS updatedAt, c.last_contact AS lastContact, c.next_followup AS nextFollowup,
    c.tags_text AS tags
  FROM companies c LEFT JOIN kommuner k ON k.code = c.kommune_code LEFT JOIN consultants s ON s.id = c.consultant_id
  WHERE c.id IN (SELECT value FROM json_each(?))`;

/** Sorts with an index in their exact order (migrations 10, 60 and 80), as `column:desc?`. */
const INDEXED_SORTS = new Set([
  'name:asc',
  'name:desc',
  'updatedAt:asc',
  'updatedAt:desc',
  ...['owner', 'city', 'lastContact', 'nextFollowup', 'kommune', 'consultant'].flatMap((c) => [
    `${c}:asc`,
    `${c}:desc`,
  ]),
]);
/** Index entries worth walking (each needs its row read to test the filter) before sorting wins. */
const MAX_SCANNED = 2_500;

/**
 * Whether to walk the sort's index, testing the filter row by row, instead of collecting the
 * filter's matches and sorting them. With 16,000 firms in Aarhus, sorting them by city took 60 ms;
 * walking the city index finds the first 100 of them after about 600 entries. SQLite cannot tell
 * the two apart without statistics, so the caseload decides from the totals it has counted anyway.
 */
function shouldScanSortIndex(query: CaseloadQuery, total: number, companies: number): boolean {
  const [sort, ...more] = query.sort.length ? query.sort : [{ column: 'name' as const, desc: false }];
  if (!sort || more.length || query.search.trim() || !INDEXED_SORTS.has(`${sort.column}:${sort.desc ? 'desc' : 'asc'}`))
    return false;
  const f = query.filters;
  const filters = [f.kommune, f.status, f.consultant].filter((v) => v?.length);
  if (!filters.length && !f.industry) return false;
  // One kommune, status or consultant sorted by name already has an index of its own (name_sort second).
  const single = filters.length === 1 && filters[0]?.length === 1 && !f.industry;
  if (single && sort.column === 'name' && !sort.desc) return false;
  return total > 0 && ((query.offset + query.limit) * companies) / total <= MAX_SCANNED;
}

function countOf(db: Database, countSql: string, params: unknown[]): number {
  return cachedTotal(
    db,
    `${countSql}\u0000${JSON.stringify(params)}`,
    () => get<{ n: number }>(db, countSql, params)?.n ?? 0,
  );
}

/**
 * The statements a page runs, decided with the totals (benchmarks run the same SQL bare). A search
 * lists all its matches in order once (`list`): one pass over the full-text indexes serves the
 * count and every page the consultant scrolls to, where a page and a count each made their own.
 */
export function planCaseload(
  db: Database,
  query: CaseloadQuery,
): ReturnType<typeof caseloadSql> & ({ mode: 'list' } | { mode: 'page'; total: number }) {
  const plain = caseloadSql(query);
  if (query.search.trim()) return { ...plain, mode: 'list' };
  const total = countOf(db, plain.countSql, plain.params);
  const scanSortIndex = shouldScanSortIndex(query, total, countOf(db, 'SELECT count(*) AS n FROM companies', []));
  return {
    ...(scanSortIndex ? caseloadSql(query, { scanSortIndex }) : plain),
    countSql: plain.countSql,
    mode: 'page',
    total,
  };
}

/** Where a search's ordered matches are remembered: its statement and parameters. */
const listKey = (plan: { listSql: string; params: unknown[] }) => `${plan.listSql}\u0000${JSON.stringify(plan.params)}`;

/** A word found in at least this share of the firms is tested firm by firm, without a set. */
const DENSE_SHARE = 10;

/**
 * The first page of a search, read off the sort's index, when the caller can take the total later
 * (`count: 'later'`) and every word is common: SQLite walks the index in the list's order and
 * stops at the page's last row, where listing the matches read and sorted every one of them
 * ("gård" finds a fifth of the firms). A word found in a tenth of the firms or more, alone, is
 * tested on each firm's text as the walk passes it (the first page then reads a few hundred firms
 * and no index of the word); otherwise the rarest word's set is built and each firm looked up in
 * it, the other words tested on the firms of that set. Null when the search does not fit that way
 * (a filter, a rare word); the total is known only when the walk reached the list's end.
 */
function firstSearchPage(
  db: Database,
  query: CaseloadQuery,
  rareHits: number | undefined,
): { ids: number[]; total: number | null } | null {
  if (query.offset !== 0 || query.count !== 'later') return null;
  const { long } = searchWords(query.search);
  const [sort, ...more] = query.sort.length ? query.sort : [{ column: 'name' as const, desc: false }];
  if (!long.length || !sort || more.length || !INDEXED_SORTS.has(`${sort.column}:${sort.desc ? 'desc' : 'asc'}`))
    return null;
  // Matches listed already (the count of this search was asked for before) answer at once.
  const plain = caseloadSql(query);
  if (knownList(db, listKey(plain))) return null;
  const rare = rareHits ?? RARE_HITS;
  const companies = countOf(db, 'SELECT count(*) AS n FROM companies', []);
  const dense = Math.max(1, Math.ceil(companies / DENSE_SHARE));
  const f = query.filters;
  const filtered = Boolean(
    f.kommune?.length || f.status?.length || f.consultant?.length || f.industry || f.tags?.length,
  );
  // Counted as far as the choice needs: rare or not, and for one set alone whether it is dense,
  // for several which is the rarest.
  const sets = searchSets(long, query.notes);
  const cap = query.notes ? rare : Math.max(rare, dense);
  // A filter keeps a few thousand firms at most (one consultant has ~2%): listing its matches of
  // the words and sorting them (~4 ms at 100,000 firms) beats walking the sort's index past every
  // other firm (consultant + "gård" by last contact: 11 ms).
  if (filtered) return null;
  const hits = sets.map((set) => hitsOf(db, set, cap));
  if (hits.some((h) => h < rare)) return null;
  // Notes have no text per firm to test: with them every word keeps its set.
  let tested: SearchSet[] = [];
  if (!query.notes) {
    const rarest = sets[hits.indexOf(Math.min(...hits))];
    const alone = sets.length === 1 && (hits[0] ?? 0) >= dense;
    tested = alone ? sets : sets.filter((set) => set !== rarest);
  }
  const testedWords = tested.flatMap((set) => set.words);
  const walk = caseloadSql(query, {
    scanSortIndex: true,
    walkSortIndex: true,
    tested: new Set(testedWords),
    textTest: testedWords.length ? textTestSql(db) : undefined,
  });
  const ids = all<{ id: number }>(db, walk.pageSql, [...walk.params, query.limit, 0]).map((r) => r.id);
  return { ids, total: ids.length < query.limit ? ids.length : null };
}

/** `rareHits`: where a word counts as rare (caseload-search.ts); tests lower it for a small caseload. */
export function queryCaseload(db: Database, query: CaseloadQuery, opts: { rareHits?: number } = {}): CaseloadPage {
  let ids: readonly number[];
  let total: number | null;
  const first = firstSearchPage(db, query, opts.rareHits);
  if (first) {
    ({ ids, total } = first);
  } else {
    const plan = planCaseload(db, query);
    const { params } = plan;
    if (plan.mode === 'list') {
      const matches = cachedList(db, listKey(plan), () =>
        all<{ id: number }>(db, plan.listSql, params).map((r) => r.id),
      );
      ids = matches.slice(query.offset, query.offset + query.limit);
      total = matches.length;
    } else {
      // Sorting and paging run on ids alone; joins and the owner look-up then run for the page's rows only.
      ids = all<{ id: number }>(db, plan.pageSql, [...params, query.limit, query.offset]).map((r) => r.id);
      total = plan.total;
    }
  }
  const byId = new Map(all<CaseloadRow>(db, ROW_SQL, [JSON.stringify(ids)]).map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)).filter((r): r is CaseloadRow => r !== undefined);
  for (const r of rows) r.industryTitle = industryTitle(r.industrySystem, r.industryCode);
  return { rows, total, offset: query.offset };
}
