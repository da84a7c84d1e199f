import type { Database } from 'better-sqlite3';
import type { Random } from '../generate/random';
import { addDays } from './demo-plan';
import { KNOWLEDGE_TOPICS, REFERRAL_REASONS, tradeText, visitNote } from './demo-text';

export interface DemoFirm {
  id: number;
  kommuneCode: number;
  consultantId: number;
  createdAt: string;
  ownerContactId: number | null;
  /** Index into TRADES: the firm's notes and LAG project fit its trade. */
  trade: number;
}

function idsOf(db: Database, types: readonly string[]): number[] {
  return db
    .prepare(`SELECT id FROM organisations WHERE type IN (${types.map(() => '?').join(',')}) ORDER BY id`)
    .pluck()
    .all(...types) as number[];
}

/** Prepared inserts for the demo's rows, used inside the caller's one transaction. */
export function demoWriters(db: Database, rng: Random) {
  const vaeksthus = idsOf(db, ['vaeksthus']);
  const growthHouse = vaeksthus[0] ?? idsOf(db, ['erhvervshus'])[0];
  const lags = idsOf(db, ['lag']);
  const institutions = idsOf(db, ['knowledge_institution']);
  const otherOrg = idsOf(db, ['knowledge_institution', 'mentor', 'bank', 'private_consultant'])[0];
  if (growthHouse === undefined || lags.length === 0 || otherOrg === undefined) {
    throw new Error('organisation seed missing');
  }
  const scheme = (code: string) =>
    (db.prepare('SELECT id FROM support_schemes WHERE code = ?').pluck().get(code) as number | undefined) ?? null;
  const adviceScheme = scheme('vaeksthus_specialraadgivning');
  const lagScheme = scheme('lag_erhverv_2007');

  const visitStmt = db.prepare(`INSERT INTO visits(uuid, company_id, date, start_time, duration_minutes, type,
      consultant_id, location, business_description, needs_text, potential, advice_given, next_steps, notes,
      created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const referralStmt = db.prepare(`INSERT INTO referrals(uuid, company_id, organisation_id, contact_id,
      consultant_id, scheme_id, case_ref, reason, needs, status, sent_at, received_at, closed_at, outcome,
      outcome_amount_ore, outcome_on, consent_on, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const lagStmt = db.prepare(`INSERT INTO lag_applications(uuid, company_id, lag_id, scheme_id, contact_id,
      consultant_id, title, theme, purpose, activities, effect_jobs, period_start, period_end, grant_requested_ore,
      own_cash_ore, deadline, status, submitted_at, decided_at, grant_awarded_ore, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const budgetStmt = db.prepare(`INSERT INTO lag_budget_lines(application_id, position, category, description,
      supplier, amount_ore, quote_ref) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const needStmt = db.prepare('INSERT INTO visit_needs(visit_id, need) VALUES (?, ?)');
  const knowledgeStmt = db.prepare(`INSERT INTO knowledge_contacts(uuid, company_id, organisation_id, person_name,
      type, contact_on, topic, consultant_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  const visit = (f: DemoFirm, date: string) => {
    const type = rng.pick(['visit', 'visit', 'visit', 'phone', 'meeting'] as const);
    const text = visitNote(rng, f.trade);
    const stamp = `${date}T15:00:00Z`;
    const visitId = visitStmt.run(
      rng.uuid(),
      f.id,
      date,
      `${String(rng.int(8, 15)).padStart(2, '0')}:${rng.pick(['00', '30'])}`,
      rng.pick([30, 45, 60, 90]),
      type,
      f.consultantId,
      type === 'visit' ? 'Hos virksomheden' : null,
      text.description,
      text.needs,
      rng.int(1, 5),
      rng.chance(0.6) ? 1 : 0,
      text.nextSteps,
      text.notes,
      stamp,
      stamp,
    ).lastInsertRowid;
    for (const need of text.needKeys) needStmt.run(visitId, need);
  };

  type ReferralOutcome = { status: 'draft' | 'sent' | 'received' | 'in_progress' | 'closed'; grantOn?: string };
  const referral = (f: DemoFirm, sent: string | null, outcome: ReferralOutcome, toOther = false) => {
    const stamp = `${sent ?? f.createdAt}T10:00:00Z`;
    const closed = outcome.status === 'closed';
    const grant = outcome.grantOn !== undefined;
    referralStmt.run(
      rng.uuid(),
      f.id,
      toOther ? otherOrg : growthHouse,
      f.ownerContactId,
      f.consultantId,
      toOther ? null : adviceScheme,
      `H-${f.id}`,
      rng.pick(REFERRAL_REASONS),
      JSON.stringify([rng.pick(['financing', 'business_plan', 'export', 'product_development'])]),
      outcome.status,
      sent ? `${sent}T10:00:00Z` : null,
      sent && outcome.status !== 'sent' && outcome.status !== 'draft' ? `${sent}T14:00:00Z` : null,
      closed ? `${outcome.grantOn ?? sent}T12:00:00Z` : null,
      closed ? (grant ? 'grant_awarded' : rng.pick(['advice_given', 'no_grant'] as const)) : null,
      grant ? rng.int(25, 150) * 1000 * 100 : null,
      outcome.grantOn ?? null,
      sent,
      stamp,
      stamp,
    );
  };

  const lagApplication = (f: DemoFirm, submitted: string | null) => {
    const status = submitted
      ? rng.pick(['submitted', 'recommended', 'approved', 'approved', 'rejected', 'paid'] as const)
      : rng.pick(['idea', 'drafting'] as const);
    const project = tradeText(f.trade).lag;
    // Whole thousands per line; the grant asked for is at most half the budget (the scheme's maximum).
    const amounts = project.budget.map(() => rng.int(20, 200) * 1000 * 100);
    const total = amounts.reduce((a, b) => a + b, 0);
    const requested = Math.floor((total * rng.int(35, 50)) / 100 / 100_000) * 100_000;
    const start = addDays(submitted ?? f.createdAt, rng.int(60, 120));
    const stamp = `${submitted ?? f.createdAt}T11:00:00Z`;
    const decided = status === 'approved' || status === 'rejected' || status === 'paid';
    const id = lagStmt.run(
      rng.uuid(),
      f.id,
      rng.pick(lags),
      lagScheme,
      f.ownerContactId,
      f.consultantId,
      project.title,
      'Erhvervsudvikling i landdistrikterne',
      'Projektet skal skabe vækst og arbejdspladser i lokalområdet.',
      project.activities,
      rng.int(1, 3),
      start,
      addDays(start, rng.int(180, 540)),
      requested,
      total - requested,
      submitted ? addDays(submitted, rng.int(0, 10)) : null,
      status,
      submitted,
      decided ? submitted : null,
      status === 'approved' || status === 'paid' ? requested : null,
      stamp,
      stamp,
    ).lastInsertRowid;
    project.budget.forEach(([category, description], i) => {
      budgetStmt.run(id, i + 1, category, description, null, amounts[i] ?? 0, null);
    });
  };

  const knowledgeContact = (f: DemoFirm, on: string) => {
    const kind = rng.pick(['institution', 'researcher', 'mentor'] as const);
    const org = kind === 'mentor' || institutions.length === 0 ? null : rng.pick(institutions);
    knowledgeStmt.run(
      rng.uuid(),
      f.id,
      org,
      org === null ? 'Lokal mentor' : kind === 'researcher' ? 'Forsker, AU Foulum' : null,
      kind === 'researcher' && org === null ? 'mentor' : kind,
      on,
      rng.pick(KNOWLEDGE_TOPICS),
      f.consultantId,
      `${on}T13:00:00Z`,
      `${on}T13:00:00Z`,
    );
  };

  return { visit, referral, lagApplication, knowledgeContact };
}
