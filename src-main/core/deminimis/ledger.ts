import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { type DeMinimisSector, oreToEurCents } from '../../../src-shared/codes/deminimis';
import { todayIso } from '../../../src-shared/format/dates';
import { deleteAudited, insertAudited } from '../audit/audit-log';
import { assertCompanyExists } from '../companies/company-repo';
import { all, get, nowStamp, storedRow } from '../db/sql';
import { invalidField, notFound } from '../errors';
import type { DeMinimisAdd, DeMinimisQuery, DeMinimisReport } from './deminimis-schema';
import { deMinimisAddSchema, deMinimisQuerySchema } from './deminimis-schema';
import { type AidEntry, deMinimisStatus } from './rules';

const AID = { table: 'de_minimis_aid', entity: 'de_minimis_aid' };

interface AidRow {
  id: number;
  source: AidEntry['source'];
  grantedOn: string;
  grantor: string;
  scheme: string | null;
  sector: DeMinimisSector;
  eurCents: number | null;
  ore: number | null;
  note: string | null;
}

/**
 * Every de minimis grant a firm has: the entries typed by hand, a Væksthus referral's awarded grant
 * and an approved LAG application's grant, each under a scheme marked de minimis (or no scheme, as
 * the advice subsidies usually are: counting one too many is the safe mistake). Grants recorded in
 * kroner are converted at the central rate.
 */
export function ledgerAid(db: Database, companyId: number, excludeApplicationId?: number): AidEntry[] {
  const rows = all<AidRow>(
    db,
    `SELECT id, 'manual' AS source, granted_on AS grantedOn, grantor, scheme, sector,
        amount_eur_cents AS eurCents, amount_ore AS ore, note
       FROM de_minimis_aid WHERE company_id = @companyId
     UNION ALL
     SELECT r.id, 'referral', r.outcome_on, o.name, s.name, 'general', NULL, r.outcome_amount_ore, NULL
       FROM referrals r JOIN organisations o ON o.id = r.organisation_id
       LEFT JOIN support_schemes s ON s.id = r.scheme_id
      WHERE r.company_id = @companyId AND r.outcome = 'grant_awarded' AND r.outcome_amount_ore > 0
        AND r.outcome_on IS NOT NULL AND (s.id IS NULL OR s.de_minimis = 1)
     UNION ALL
     SELECT a.id, 'lag', a.decided_at, o.name, s.name, 'general', NULL, a.grant_awarded_ore, NULL
       FROM lag_applications a JOIN organisations o ON o.id = a.lag_id
       LEFT JOIN support_schemes s ON s.id = a.scheme_id
      WHERE a.company_id = @companyId AND a.status IN ('approved', 'paid', 'closed')
        AND a.grant_awarded_ore > 0 AND a.decided_at IS NOT NULL AND (s.id IS NULL OR s.de_minimis = 1)
        AND a.id IS NOT @exclude`,
    { companyId, exclude: excludeApplicationId ?? null },
  );
  return rows.map((r) => ({
    ...r,
    grantedOn: r.grantedOn.slice(0, 10),
    eurCents: r.eurCents ?? oreToEurCents(r.ore ?? 0),
  }));
}

/** The firm's ceiling, the aid counted and the headroom on a date (today unless given). */
export function deMinimisReport(db: Database, query: DeMinimisQuery, today = todayIso()): DeMinimisReport {
  const q = deMinimisQuerySchema.parse(query);
  const company = get<{ name: string; cvr: string | null }>(db, 'SELECT name, cvr FROM companies WHERE id = ?', [
    q.companyId,
  ]);
  if (!company) throw notFound('entity.company', q.companyId);
  const status = deMinimisStatus(
    ledgerAid(db, q.companyId, q.excludeApplicationId),
    q.sector ?? 'general',
    q.on ?? today,
  );
  return { companyId: q.companyId, companyName: company.name, companyCvr: company.cvr, ...status };
}

/** Records aid from elsewhere. Aid is recorded once granted, so a date after today is refused. */
export function addDeMinimisAid(db: Database, input: DeMinimisAdd, today = todayIso()): AidEntry {
  const a = deMinimisAddSchema.parse(input);
  if (a.grantedOn > today) throw invalidField('grantedOn', 'deminimis.future');
  const id = db.transaction(() => {
    assertCompanyExists(db, a.companyId);
    return insertAudited(
      db,
      AID,
      {
        uuid: randomUUID(),
        company_id: a.companyId,
        granted_on: a.grantedOn,
        grantor: a.grantor,
        scheme: a.scheme ?? null,
        sector: a.sector,
        amount_eur_cents: a.amountEurCents,
        amount_ore: a.amountOre ?? null,
        note: a.note ?? null,
        created_at: nowStamp(),
      },
      a.companyId,
    );
  })();
  const entry = ledgerAid(db, a.companyId).find((e) => e.source === 'manual' && e.id === id);
  if (!entry) throw notFound('entity.deMinimisAid', id);
  return entry;
}

/** Removes an entry typed by hand; grants recorded elsewhere are changed where they were recorded. */
export function removeDeMinimisAid(db: Database, id: number): { removed: true } {
  db.transaction(() => {
    const before = storedRow<{ company_id: number }>(db, 'de_minimis_aid', id, 'entity.deMinimisAid');
    deleteAudited(db, AID, id, before, before.company_id);
  })();
  return { removed: true };
}
