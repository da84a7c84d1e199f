import type { Database } from 'better-sqlite3';
import { all, get } from '../db/sql';
import { endTimeOf } from '../domain/clock-time';
import { NEED_KEYS, type NeedKey, type VisitType } from '../domain/needs';
import { notFound } from '../errors';
import { followUpsByVisit } from '../followups/followup-query';
import type { Visit, VisitPage, VisitParticipant } from './visit-schema';

export interface VisitRow {
  id: number;
  uuid: string;
  company_id: number;
  date: string;
  start_time: string | null;
  duration_minutes: number | null;
  type: VisitType;
  consultant_id: number | null;
  consultant: string | null;
  location: string | null;
  business_description: string | null;
  needs_text: string | null;
  potential: number | null;
  advice_given: number;
  next_steps: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

const VISIT_SELECT = `SELECT v.*, s.name AS consultant FROM visits v LEFT JOIN consultants s ON s.id = v.consultant_id`;
/** Newest first; a visit without a time sorts after timed ones the same day, then by entry. */
const NEWEST_FIRST = 'v.date DESC, v.start_time DESC, v.id DESC';

const needOrder = (n: NeedKey) => NEED_KEYS.indexOf(n);

/** Turns rows into visits with their needs, participants and follow-ups, three queries per page. */
function hydrate(db: Database, rows: VisitRow[]): Visit[] {
  const ids = JSON.stringify(rows.map((r) => r.id));
  const needs = new Map<number, NeedKey[]>();
  for (const n of all<{ visit_id: number; need: NeedKey }>(
    db,
    'SELECT visit_id, need FROM visit_needs WHERE visit_id IN (SELECT value FROM json_each(?))',
    [ids],
  )) {
    needs.set(n.visit_id, [...(needs.get(n.visit_id) ?? []), n.need]);
  }
  const participants = new Map<number, VisitParticipant[]>();
  for (const p of all<VisitParticipant & { visit_id: number }>(
    db,
    `SELECT p.visit_id, c.id, c.name, c.role FROM visit_participants p JOIN contacts c ON c.id = p.contact_id
     WHERE p.visit_id IN (SELECT value FROM json_each(?)) ORDER BY c.is_owner DESC, c.name`,
    [ids],
  )) {
    participants.set(p.visit_id, [...(participants.get(p.visit_id) ?? []), { id: p.id, name: p.name, role: p.role }]);
  }
  const followups = followUpsByVisit(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    uuid: r.uuid,
    companyId: r.company_id,
    date: r.date,
    startTime: r.start_time,
    endTime: r.start_time !== null && r.duration_minutes !== null ? endTimeOf(r.start_time, r.duration_minutes) : null,
    durationMinutes: r.duration_minutes,
    type: r.type,
    consultantId: r.consultant_id,
    consultant: r.consultant,
    participants: participants.get(r.id) ?? [],
    location: r.location,
    businessDescription: r.business_description,
    needs: (needs.get(r.id) ?? []).sort((a, b) => needOrder(a) - needOrder(b)),
    needsText: r.needs_text,
    potential: r.potential,
    adviceGiven: r.advice_given === 1,
    nextSteps: r.next_steps,
    notes: r.notes,
    followups: followups.get(r.id) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export function getVisit(db: Database, id: number): Visit {
  const row = get<VisitRow>(db, `${VISIT_SELECT} WHERE v.id = ?`, [id]);
  if (!row) throw notFound('entity.visit', id);
  const [visit] = hydrate(db, [row]);
  if (!visit) throw notFound('entity.visit', id);
  return visit;
}

/** A company's visits and other contacts, newest first, a page at a time. */
export function listVisits(db: Database, companyId: number, offset: number, limit: number): VisitPage {
  if (!get(db, 'SELECT 1 FROM companies WHERE id = ?', [companyId])) throw notFound('entity.company', companyId);
  const rows = all<VisitRow>(db, `${VISIT_SELECT} WHERE v.company_id = ? ORDER BY ${NEWEST_FIRST} LIMIT ? OFFSET ?`, [
    companyId,
    limit,
    offset,
  ]);
  const total = get<{ n: number }>(db, 'SELECT count(*) AS n FROM visits WHERE company_id = ?', [companyId])?.n ?? 0;
  return { rows: hydrate(db, rows), total, offset };
}

/**
 * A visit as the audit log keeps it: columns plus needs and participants as readable text, so
 * the history shows "financing, export" and names rather than ids.
 */
export function visitSnapshot(db: Database, id: number): Record<string, unknown> {
  const row = get<Record<string, unknown>>(
    db,
    `SELECT company_id, date, start_time, duration_minutes, type, consultant_id, location, business_description,
       needs_text, potential, advice_given, next_steps, notes FROM visits WHERE id = ?`,
    [id],
  );
  if (!row) throw notFound('entity.visit', id);
  const needs = all<{ need: NeedKey }>(db, 'SELECT need FROM visit_needs WHERE visit_id = ?', [id])
    .map((n) => n.need)
    .sort((a, b) => needOrder(a) - needOrder(b));
  const names = all<{ name: string }>(
    db,
    `SELECT c.name FROM visit_participants p JOIN contacts c ON c.id = p.contact_id WHERE p.visit_id = ?
     ORDER BY c.name`,
    [id],
  ).map((p) => p.name);
  return { ...row, needs: needs.join(', ') || null, participants: names.join(', ') || null };
}
