import type { Database } from 'better-sqlite3';
import { all, get } from '../db/sql';
import type { NeedKey } from '../domain/needs';

/** What the visit summary and the referral letter's "done locally" list need from a visit. */
export interface VisitSummaryData {
  id: number;
  date: string;
  startTime: string | null;
  durationMinutes: number | null;
  type: 'visit' | 'phone' | 'meeting' | 'email';
  location: string | null;
  consultantName: string | null;
  businessDescription: string | null;
  needs: NeedKey[];
  needsText: string | null;
  potential: number | null;
  adviceGiven: boolean;
  nextSteps: string | null;
  participants: string[];
  followups: Array<{ title: string; dueDate: string; done: boolean }>;
}

/**
 * Where documents read visits from. Visits belong to issue 3 (migration 0020); documents read them
 * through this one seam so they can follow that module's repository when it settles, and a test
 * can supply visits without it. `null` means this database has no visits table at all.
 */
export interface VisitSource {
  visitFor(db: Database, companyId: number, visitId?: number): VisitSummaryData | undefined | null;
  activity(db: Database, companyId: number): Array<{ id: number; date: string; type: VisitSummaryData['type'] }>;
}

const hasVisits = new WeakMap<Database, boolean>();
function visitsExist(db: Database): boolean {
  let known = hasVisits.get(db);
  if (known === undefined) {
    known = get(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'visits'") !== undefined;
    hasVisits.set(db, known);
  }
  return known;
}

interface VisitRow {
  id: number;
  date: string;
  start_time: string | null;
  duration_minutes: number | null;
  type: VisitSummaryData['type'];
  location: string | null;
  consultant_name: string | null;
  business_description: string | null;
  needs_text: string | null;
  potential: number | null;
  advice_given: number;
  next_steps: string | null;
}

/** Reads the tables of migration 0020 directly; private notes (`visits.notes`) never go into a letter. */
export const sqlVisitSource: VisitSource = {
  visitFor(db, companyId, visitId) {
    if (!visitsExist(db)) return null;
    const row = get<VisitRow>(
      db,
      `SELECT v.id, v.date, v.start_time, v.duration_minutes, v.type, v.location, s.name AS consultant_name,
         v.business_description, v.needs_text, v.potential, v.advice_given, v.next_steps
       FROM visits v LEFT JOIN consultants s ON s.id = v.consultant_id
       WHERE v.company_id = ? AND (? IS NULL OR v.id = ?)
       ORDER BY v.date DESC, v.start_time DESC, v.id DESC LIMIT 1`,
      [companyId, visitId ?? null, visitId ?? null],
    );
    if (!row) return undefined;
    const needs = all<{ need: NeedKey }>(db, 'SELECT need FROM visit_needs WHERE visit_id = ?', [row.id]).map(
      (n) => n.need,
    );
    const participants = all<{ name: string; role: string | null }>(
      db,
      `SELECT c.name, c.role FROM visit_participants p JOIN contacts c ON c.id = p.contact_id
       WHERE p.visit_id = ? ORDER BY c.is_owner DESC, c.name`,
      [row.id],
    ).map((p) => (p.role ? `${p.name} (${p.role})` : p.name));
    const followups = all<{ title: string; due_date: string; done_at: string | null }>(
      db,
      'SELECT title, due_date, done_at FROM followups WHERE visit_id = ? ORDER BY due_date, id',
      [row.id],
    ).map((f) => ({ title: f.title, dueDate: f.due_date, done: f.done_at !== null }));
    return {
      id: row.id,
      date: row.date,
      startTime: row.start_time,
      durationMinutes: row.duration_minutes,
      type: row.type,
      location: row.location,
      consultantName: row.consultant_name,
      businessDescription: row.business_description,
      needs,
      needsText: row.needs_text,
      potential: row.potential,
      adviceGiven: row.advice_given === 1,
      nextSteps: row.next_steps,
      participants,
      followups,
    };
  },
  activity(db, companyId) {
    if (!visitsExist(db)) return [];
    return all<{ id: number; date: string; type: VisitSummaryData['type'] }>(
      db,
      'SELECT id, date, type FROM visits WHERE company_id = ? ORDER BY date, id',
      [companyId],
    );
  },
};

let current: VisitSource = sqlVisitSource;

export function visitSource(): VisitSource {
  return current;
}

/** Replaces where visits come from (tests; or issue 3's repository once it is the one way in). */
export function setVisitSource(source: VisitSource): () => void {
  const previous = current;
  current = source;
  return () => {
    current = previous;
  };
}
