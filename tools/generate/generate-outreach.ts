import type { Database } from 'better-sqlite3';
import { NEED_KEYS } from '../../src-main/core/domain/needs';
import { dayOf, isoDay } from './day-calendar';
import type { GeneratedCompany } from './generate-companies';
import { prose } from './generate-text';
import type { Random } from './random';

/**
 * Shares from the programme's first year (docs/domain.md): of 850 firms contacted, 81 referred to the
 * Væksthus (10 grants so far), 62 helped with a LAG application, 118 put in touch with a knowledge
 * source, and 12 networks founded.
 */
export const PROGRAMME_SHARES = {
  referral: 81 / 850,
  grantOfReferred: 10 / 81,
  lag: 62 / 850,
  knowledge: 118 / 850,
  networksPerCompany: 12 / 850,
} as const;

export interface OutreachCounts {
  referrals: number;
  grants: number;
  lagApplications: number;
  lagBudgetLines: number;
  knowledgeContacts: number;
  networks: number;
  networkMembers: number;
  networkMeetings: number;
}

const BUDGET_CATEGORIES = ['Maskiner og udstyr', 'Bygninger', 'Konsulentbistand', 'Markedsføring', 'Egen arbejdstid'];
const LAG_THEMES = ['Lokale fødevarer', 'Turisme og oplevelser', 'Nye arbejdspladser', 'Grøn omstilling'];
const KNOWLEDGE_TOPICS = ['Produktudvikling', 'Fødevaresikkerhed', 'Digital markedsføring', 'Energi', 'Eksport'];
const NETWORK_THEMES = ['Gårdbutikker', 'Turisme', 'Håndværk', 'Fødevarer', 'Iværksættere'];

function organisationIds(db: Database, types: readonly string[]): number[] {
  return (
    db
      .prepare(`SELECT id FROM organisations WHERE type IN (${types.map(() => '?').join(',')}) ORDER BY id`)
      .all(...types) as Array<{ id: number }>
  ).map((r) => r.id);
}

function schemeId(db: Database, code: string): number | null {
  const row = db.prepare('SELECT id FROM support_schemes WHERE code = ?').get(code) as { id: number } | undefined;
  return row?.id ?? null;
}

const kroner = (rng: Random, min: number, max: number) => rng.int(min / 1000, max / 1000) * 1000 * 100;

/**
 * Referrals, LAG applications (with budget lines) and knowledge contacts for firms that were
 * visited, at the programme's shares, inside the caller's transaction.
 */
export function outreachWriter(db: Database, rng: Random, opts: { to: string }) {
  const growthHouses = organisationIds(db, ['vaeksthus', 'erhvervshus']);
  const lags = organisationIds(db, ['lag']);
  const knowledge = organisationIds(db, ['knowledge_institution', 'mentor']);
  const adviceScheme = schemeId(db, 'vaeksthus_specialraadgivning');
  const lagScheme = schemeId(db, 'lag_erhverv_2007');
  const lastDay = dayOf(opts.to);
  const insertReferral = db.prepare(`INSERT INTO referrals(uuid, company_id, organisation_id, contact_id,
      consultant_id, scheme_id, case_ref, reason, needs, needs_text, background, first_contact_on, requested_action,
      consent_on, status, sent_at, received_at, closed_at, outcome, outcome_amount_ore, outcome_on, created_at,
      updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLag = db.prepare(`INSERT INTO lag_applications(uuid, company_id, lag_id, scheme_id, contact_id,
      consultant_id, title, theme, purpose, activities, effect_jobs, period_start, period_end, grant_requested_ore,
      own_cash_ore, status, submitted_at, decided_at, grant_awarded_ore, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLine = db.prepare(`INSERT INTO lag_budget_lines(application_id, position, category, description,
      supplier, amount_ore) VALUES (?, ?, ?, ?, ?, ?)`);
  const insertKnowledge = db.prepare(`INSERT INTO knowledge_contacts(uuid, company_id, organisation_id, person_name,
      type, contact_on, topic, outcome, consultant_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const counts: OutreachCounts = {
    referrals: 0,
    grants: 0,
    lagApplications: 0,
    lagBudgetLines: 0,
    knowledgeContacts: 0,
    networks: 0,
    networkMembers: 0,
    networkMeetings: 0,
  };

  const referral = (c: GeneratedCompany, day: number) => {
    const org = growthHouses.length ? rng.pick(growthHouses) : null;
    if (org === null) return;
    const status = rng.pick(['sent', 'received', 'in_progress', 'closed', 'closed'] as const);
    // Given to closed referrals so that grants come out at the programme's share of all referrals.
    const grant = status === 'closed' && rng.chance(PROGRAMME_SHARES.grantOfReferred * 2.5);
    const sent = isoDay(day);
    const closed = status === 'closed' ? isoDay(Math.min(lastDay, day + rng.int(20, 120))) : null;
    const stamp = `${sent}T10:00:00Z`;
    const needs = [...new Set([rng.pick(NEED_KEYS), rng.pick(NEED_KEYS)])];
    insertReferral.run(
      rng.uuid(),
      c.id,
      org,
      c.ownerContactId,
      c.consultantId,
      adviceScheme,
      `H-${c.id}`,
      prose(rng, rng.int(10, 25)),
      JSON.stringify(needs),
      prose(rng, rng.int(15, 40)),
      prose(rng, rng.int(20, 60)),
      c.createdAt,
      'Vurdering af behov for specialiseret rådgivning',
      sent,
      status,
      `${sent}T10:00:00Z`,
      status === 'sent' ? null : `${isoDay(Math.min(lastDay, day + rng.int(1, 10)))}T09:00:00Z`,
      closed ? `${closed}T09:00:00Z` : null,
      closed ? (grant ? 'grant_awarded' : rng.pick(['advice_given', 'no_grant', 'declined_by_firm'] as const)) : null,
      grant ? kroner(rng, 25_000, 150_000) : null,
      grant ? closed : null,
      stamp,
      stamp,
    );
    counts.referrals++;
    if (grant) counts.grants++;
  };

  const lagApplication = (c: GeneratedCompany, day: number) => {
    const lag = lags.length ? rng.pick(lags) : null;
    if (lag === null) return;
    const status = rng.pick([
      'idea',
      'drafting',
      'submitted',
      'recommended',
      'approved',
      'approved',
      'rejected',
      'paid',
    ] as const);
    const submitted = status === 'idea' || status === 'drafting' ? null : isoDay(day);
    const decided = ['approved', 'rejected', 'paid'].includes(status)
      ? isoDay(Math.min(lastDay, day + rng.int(30, 120)))
      : null;
    const lines = rng.int(2, 5);
    const amounts = Array.from({ length: lines }, () => kroner(rng, 10_000, 200_000));
    const total = amounts.reduce((a, b) => a + b, 0);
    const stamp = `${isoDay(day)}T11:00:00Z`;
    const appId = Number(
      insertLag.run(
        rng.uuid(),
        c.id,
        lag,
        lagScheme,
        c.ownerContactId,
        c.consultantId,
        `Udvikling af ${c.name}`,
        rng.pick(LAG_THEMES),
        prose(rng, rng.int(20, 50)),
        prose(rng, rng.int(20, 60)),
        rng.int(0, 4),
        isoDay(day + 60),
        isoDay(day + 60 + rng.int(90, 540)),
        Math.round(total / 2),
        Math.round(total / 2),
        status,
        submitted,
        decided,
        status === 'approved' || status === 'paid' ? Math.round(total / 2) : null,
        stamp,
        stamp,
      ).lastInsertRowid,
    );
    amounts.forEach((amount, i) => {
      insertLine.run(appId, i + 1, rng.pick(BUDGET_CATEGORIES), prose(rng, rng.int(3, 8)), null, amount);
    });
    counts.lagApplications++;
    counts.lagBudgetLines += lines;
  };

  const knowledgeContact = (c: GeneratedCompany, day: number) => {
    const org = knowledge.length && rng.chance(0.8) ? rng.pick(knowledge) : null;
    const on = isoDay(day);
    insertKnowledge.run(
      rng.uuid(),
      c.id,
      org,
      org === null ? 'Lokal mentor' : null,
      org === null ? 'mentor' : rng.pick(['institution', 'researcher'] as const),
      on,
      rng.pick(KNOWLEDGE_TOPICS),
      rng.chance(0.5) ? prose(rng, rng.int(5, 20)) : null,
      c.consultantId,
      `${on}T13:00:00Z`,
      `${on}T13:00:00Z`,
    );
    counts.knowledgeContacts++;
  };

  /** Help that follows visits: only firms that were visited are referred or helped further. */
  const write = (c: GeneratedCompany, visits: number) => {
    if (visits === 0) return;
    const from = dayOf(c.createdAt) + 30;
    const day = () => Math.min(lastDay, rng.int(from, Math.max(from, lastDay)));
    if (rng.chance(PROGRAMME_SHARES.referral)) referral(c, day());
    if (rng.chance(PROGRAMME_SHARES.lag)) lagApplication(c, day());
    if (rng.chance(PROGRAMME_SHARES.knowledge)) knowledgeContact(c, day());
  };
  return { write, counts };
}

/** Networks of firms in the same kommune, with members and meetings, at the programme's rate. */
export function writeNetworks(
  db: Database,
  rng: Random,
  companies: readonly GeneratedCompany[],
  opts: { from: string; to: string },
  counts: OutreachCounts,
): void {
  const insertNetwork = db.prepare(`INSERT INTO networks(uuid, name, theme, founded_on, facilitator, kommune_code,
      description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertMember = db.prepare('INSERT INTO network_members(network_id, company_id, joined_on) VALUES (?, ?, ?)');
  const insertMeeting = db.prepare(`INSERT INTO network_meetings(network_id, held_on, place, topic, attendees)
      VALUES (?, ?, ?, ?, ?)`);
  const byKommune = new Map<number, GeneratedCompany[]>();
  for (const c of companies) {
    const list = byKommune.get(c.kommuneCode) ?? [];
    list.push(c);
    byKommune.set(c.kommuneCode, list);
  }
  const kommuner = [...byKommune.keys()];
  const total = Math.round(companies.length * PROGRAMME_SHARES.networksPerCompany);
  const fromDay = dayOf(opts.from);
  const lastDay = dayOf(opts.to);
  for (let i = 0; i < total && kommuner.length; i++) {
    const kommune = rng.pick(kommuner);
    const theme = rng.pick(NETWORK_THEMES);
    const founded = rng.int(fromDay + 60, lastDay);
    const stamp = `${isoDay(founded)}T16:00:00Z`;
    const networkId = Number(
      insertNetwork.run(
        rng.uuid(),
        `${theme} netværk ${i + 1}`,
        theme,
        isoDay(founded),
        'Erhvervskonsulent',
        kommune,
        prose(rng, rng.int(10, 30)),
        stamp,
        stamp,
      ).lastInsertRowid,
    );
    const pool = byKommune.get(kommune) ?? [];
    const members = new Set<number>();
    const wanted = Math.min(pool.length, rng.int(4, 15));
    while (members.size < wanted) members.add(rng.pick(pool).id);
    for (const id of members) insertMember.run(networkId, id, isoDay(founded));
    const meetings = rng.int(2, 6);
    for (let m = 0; m < meetings; m++) {
      insertMeeting.run(
        networkId,
        isoDay(Math.min(lastDay, founded + m * rng.int(20, 60))),
        'Forsamlingshuset',
        rng.pick(KNOWLEDGE_TOPICS),
        rng.int(Math.min(3, members.size), members.size),
      );
    }
    counts.networks++;
    counts.networkMembers += members.size;
    counts.networkMeetings += meetings;
  }
}
