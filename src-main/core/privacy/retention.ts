import type { Database } from 'better-sqlite3';
import { all, get } from '../db/sql';
import { anonymiseCompanies } from './erase';
import { privacySettings, yearsBefore } from './privacy-settings';
import type { AnonymiseResult, RetentionCandidate, RetentionPage } from './privacy-types';

const DUE = `FROM company_privacy p JOIN companies c ON c.id = p.company_id
  LEFT JOIN kommuner k ON k.code = c.kommune_code
  WHERE c.status = 'closed' AND p.closed_at IS NOT NULL AND p.closed_at < ? AND p.anonymised_at IS NULL`;

/** Cases closed more than `privacy.retentionYears` ago and not yet anonymised, oldest first, for review. */
export function retentionCandidates(
  db: Database,
  opts: { now?: Date; offset?: number; limit?: number } = {},
): RetentionPage {
  const { retentionYears } = privacySettings(db);
  const closedBefore = yearsBefore(opts.now ?? new Date(), retentionYears);
  const total = get<{ n: number }>(db, `SELECT count(*) AS n ${DUE}`, [closedBefore])?.n ?? 0;
  const rows = all<RetentionCandidate>(
    db,
    `SELECT c.id, c.name, c.cvr, k.name AS kommune, p.closed_at AS closedAt ${DUE}
     ORDER BY p.closed_at, c.id LIMIT ? OFFSET ?`,
    [closedBefore, opts.limit ?? 100, opts.offset ?? 0],
  );
  return { closedBefore, retentionYears, total, rows };
}

/** Anonymises every case due for it, in one transaction (all or nothing). */
export function anonymiseDueCases(db: Database, opts: { now?: Date; actor?: string } = {}): AnonymiseResult {
  const closedBefore = yearsBefore(opts.now ?? new Date(), privacySettings(db).retentionYears);
  const ids = all<{ id: number }>(db, `SELECT c.id ${DUE}`, [closedBefore]).map((r) => r.id);
  return anonymiseCompanies(db, ids, { actor: opts.actor });
}
