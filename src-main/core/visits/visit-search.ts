import type { Database } from 'better-sqlite3';
import { all, get } from '../db/sql';
import type { VisitType } from '../domain/needs';
import { ftsPrefixQuery, HIT_END, HIT_START, snippetSegments } from './fts-query';
import type { VisitSearchPage } from './search-schema';

/**
 * Above this many hits, the newest come first instead of the best-ranked. BM25 costs FTS5 a few
 * microseconds a hit (more for several words or a prefix, whose positions it must merge), so the
 * cost of ranking grows with the hits; the limit keeps a search at the speed of typing
 * (docs/performance.md has the figures). A list that long is read from the top anyway, and the
 * latest visits are the ones a consultant looks for.
 */
export const RANK_LIMIT = 5_000;

interface HitRow {
  visit_id: number;
  company_id: number;
  company_name: string;
  company_cvr: string | null;
  date: string;
  type: VisitType;
  consultant: string | null;
  snippet: string;
}

/**
 * Full-text search over visit text (what the business does, needs, next steps, notes), best
 * matches first, each with a short snippet around the words found.
 */
export function searchVisits(
  db: Database,
  q: { query: string; companyId?: number; offset: number; limit: number },
  rankLimit = RANK_LIMIT,
): VisitSearchPage {
  const match = ftsPrefixQuery(q.query);
  if (!match) return { rows: [], total: 0, offset: q.offset, orderedBy: 'rank' };
  // Within one firm, its few visits bound the search; across all, FTS5 ranks alone.
  const scope = q.companyId === undefined ? '' : 'AND rowid IN (SELECT id FROM visits WHERE company_id = ?)';
  const params: unknown[] = q.companyId === undefined ? [match] : [match, q.companyId];
  const total =
    get<{ n: number }>(db, `SELECT count(*) AS n FROM visits_fts WHERE visits_fts MATCH ? ${scope}`, params)?.n ?? 0;
  // Ranking, snippets and paging in one FTS5 query: FTS5 sorts by rank itself and makes snippets
  // only for the rows returned. Joining the visit and company before the LIMIT (or a second MATCH
  // for the snippets) did the work for every match, over a hundred thousand rows for a common word.
  // Ranking that many is slow and says little, so beyond
  // RANK_LIMIT the newest come first, which FTS5 reads straight off its index.
  const orderedBy = total > rankLimit ? 'newest' : 'rank';
  const page = all<{ id: number; snippet: string }>(
    db,
    `SELECT rowid AS id, snippet(visits_fts, -1, ?, ?, '…', 24) AS snippet FROM visits_fts
     WHERE visits_fts MATCH ? ${scope} ORDER BY ${orderedBy === 'rank' ? 'rank' : 'rowid DESC'} LIMIT ? OFFSET ?`,
    [HIT_START, HIT_END, ...params, q.limit, q.offset],
  );
  const byId = new Map(
    all<Omit<HitRow, 'snippet'>>(
      db,
      `SELECT v.id AS visit_id, v.company_id, c.name AS company_name, c.cvr AS company_cvr, v.date, v.type,
         s.name AS consultant
       FROM visits v
       JOIN companies c ON c.id = v.company_id
       LEFT JOIN consultants s ON s.id = v.consultant_id
       WHERE v.id IN (SELECT value FROM json_each(?))`,
      [JSON.stringify(page.map((p) => p.id))],
    ).map((r) => [r.visit_id, r]),
  );
  const rows = page.flatMap((p) => {
    const row = byId.get(p.id);
    return row ? [{ ...row, snippet: p.snippet }] : [];
  });
  return {
    rows: rows.map((r) => ({
      visitId: r.visit_id,
      companyId: r.company_id,
      companyName: r.company_name,
      companyCvr: r.company_cvr,
      date: r.date,
      type: r.type,
      consultant: r.consultant,
      snippet: snippetSegments(r.snippet),
    })),
    total,
    offset: q.offset,
    orderedBy,
  };
}
