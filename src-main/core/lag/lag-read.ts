import type { Database } from 'better-sqlite3';
import { todayIso } from '../../../src-shared/format/dates';
import { all, get, whereOf } from '../db/sql';
import { ledgerAid } from '../deminimis/ledger';
import { deMinimisStatus } from '../deminimis/rules';
import { notFound } from '../errors';
import type { Locale } from '../messages';
import { computeFinancing } from './lag-financing';
import { type BudgetLine, LAG_TRANSITIONS, type LagApplication, type LagListQuery, type LagStatus } from './lag-schema';
import { getScheme } from './scheme-repo';

/** Reading LAG applications with their budget lines and the financing figures computed from them. */
type Row = Record<string, unknown> & {
  id: number;
  uuid: string;
  company_id: number;
  company_name: string;
  company_cvr: string | null;
  lag_id: number;
  lag_name: string;
  scheme_id: number | null;
  scheme_name: string | null;
  contact_name: string | null;
  consultant_name: string | null;
  status: LagStatus;
  annexes: string;
  food_processing: number;
};

const SELECT = `
  SELECT a.*, c.name AS company_name, c.cvr AS company_cvr, o.name AS lag_name, ss.name AS scheme_name,
    p.name AS contact_name, s.name AS consultant_name
  FROM lag_applications a
  JOIN companies c ON c.id = a.company_id
  JOIN organisations o ON o.id = a.lag_id
  LEFT JOIN support_schemes ss ON ss.id = a.scheme_id
  LEFT JOIN contacts p ON p.id = a.contact_id
  LEFT JOIN consultants s ON s.id = a.consultant_id`;

export function budgetOf(db: Database, applicationId: number): BudgetLine[] {
  return all<{
    id: number;
    position: number;
    category: string;
    description: string;
    supplier: string | null;
    amount_ore: number;
    quote_ref: string | null;
  }>(db, 'SELECT * FROM lag_budget_lines WHERE application_id = ? ORDER BY position', [applicationId]).map((l) => ({
    id: l.id,
    position: l.position,
    category: l.category,
    description: l.description,
    supplier: l.supplier,
    amountOre: l.amount_ore,
    quoteRef: l.quote_ref,
  }));
}

function toApplication(db: Database, r: Row, locale: Locale, today = todayIso()): LagApplication {
  const budget = budgetOf(db, r.id);
  const n = (v: unknown) => (v as number | null) ?? null;
  const s = (v: unknown) => (v as string | null) ?? null;
  const app = {
    id: r.id,
    uuid: r.uuid,
    companyId: r.company_id,
    companyName: r.company_name,
    companyCvr: r.company_cvr,
    lagId: r.lag_id,
    lagName: r.lag_name,
    schemeId: r.scheme_id,
    schemeName: r.scheme_name,
    contactId: n(r.contact_id),
    contactName: r.contact_name,
    consultantId: n(r.consultant_id),
    consultantName: r.consultant_name,
    title: r.title as string,
    theme: s(r.theme),
    purpose: s(r.purpose),
    activities: s(r.activities),
    effectJobs: n(r.effect_jobs),
    effectTurnoverOre: n(r.effect_turnover_ore),
    effectProducts: s(r.effect_products),
    effectOther: s(r.effect_other),
    periodStart: s(r.period_start),
    periodEnd: s(r.period_end),
    foodProcessing: r.food_processing === 1,
    grantRequestedOre: r.grant_requested_ore as number,
    ownCashOre: r.own_cash_ore as number,
    ownHours: r.own_hours as number,
    ownHoursOre: r.own_hours_ore as number,
    otherPublicOre: r.other_public_ore as number,
    otherPublicSource: s(r.other_public_source),
    deMinimisPriorOre: n(r.de_minimis_prior_ore),
    annexes: JSON.parse(r.annexes) as string[],
    deadline: s(r.deadline),
    status: r.status,
    allowedNext: [...LAG_TRANSITIONS[r.status]],
    submittedAt: s(r.submitted_at),
    decidedAt: s(r.decided_at),
    grantAwardedOre: n(r.grant_awarded_ore),
    paidAt: s(r.paid_at),
    budget,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
  const financing = computeFinancing(
    {
      lines: budget,
      grantRequestedOre: app.grantRequestedOre,
      ownCashOre: app.ownCashOre,
      ownHoursOre: app.ownHoursOre,
      otherPublicOre: app.otherPublicOre,
      foodProcessing: app.foodProcessing,
      scheme: app.schemeId === null ? null : getScheme(db, app.schemeId),
      deMinimisPriorOre: app.deMinimisPriorOre,
      deMinimis: deMinimisStatus(ledgerAid(db, app.companyId, app.id), 'general', app.decidedAt?.slice(0, 10) ?? today),
      periodStart: app.periodStart,
      submittedAt: app.submittedAt,
      deadline: app.deadline,
      status: app.status,
      today,
    },
    locale,
  );
  return { ...app, financing };
}

/** `today` is the day the checks are made for: a document dated earlier checks as of its own date. */
export function getLagApplication(db: Database, id: number, locale: Locale = 'da', today?: string): LagApplication {
  const row = get<Row>(db, `${SELECT} WHERE a.id = ?`, [id]);
  if (!row) throw notFound('entity.lagApplication', id);
  return toApplication(db, row, locale, today);
}

export function listLagApplications(db: Database, q: LagListQuery = {}, locale: Locale = 'da'): LagApplication[] {
  const { sql: where, params } = whereOf([
    ['a.company_id = ?', q.companyId],
    ['a.lag_id = ?', q.lagId],
    ['a.status IN (?)', q.status],
  ]);
  const sql = `${SELECT} ${where}
    ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?`;
  return all<Row>(db, sql, [...params, q.limit ?? 1000, q.offset ?? 0]).map((r) => toApplication(db, r, locale));
}

/** The application the LAG draft is made from: the newest one not yet past the LAG's decision. */
export function latestLagForCompany(db: Database, companyId: number, today?: string): LagApplication | undefined {
  const row = get<Row>(
    db,
    `${SELECT} WHERE a.company_id = ?
     ORDER BY (a.status IN ('idea', 'drafting', 'submitted', 'recommended')) DESC, a.updated_at DESC, a.id DESC LIMIT 1`,
    [companyId],
  );
  return row ? toApplication(db, row, 'da', today) : undefined;
}
