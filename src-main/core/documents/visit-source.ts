import type { Database } from 'better-sqlite3';
import { all, get } from '../db/sql';
import { getVisit, listVisits } from '../visits/visit-read';
import type { Visit } from '../visits/visit-schema';

/** What the visit summary and the referral letter's "done locally" list need from a visit. */
export interface VisitSummaryData
  extends Pick<
    Visit,
    | 'id'
    | 'date'
    | 'startTime'
    | 'durationMinutes'
    | 'type'
    | 'location'
    | 'businessDescription'
    | 'needs'
    | 'needsText'
    | 'potential'
    | 'adviceGiven'
    | 'nextSteps'
  > {
  consultantName: string | null;
  participants: string[];
  followups: Array<{ title: string; dueDate: string; done: boolean }>;
}

/**
 * Where documents read visits from. Visits have their own module (migration 0020, visits/visit-read.ts);
 * documents read them through this one seam, so a test or another store can supply visits.
 * `null` means this database has no visits table at all.
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

function fromVisit(v: Visit): VisitSummaryData {
  return {
    id: v.id,
    date: v.date,
    startTime: v.startTime,
    durationMinutes: v.durationMinutes,
    type: v.type,
    location: v.location,
    consultantName: v.consultant,
    businessDescription: v.businessDescription,
    needs: v.needs,
    needsText: v.needsText,
    potential: v.potential,
    adviceGiven: v.adviceGiven,
    nextSteps: v.nextSteps,
    participants: v.participants.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)),
    followups: v.followups.map((f) => ({ title: f.title, dueDate: f.dueDate, done: f.doneAt !== null })),
  };
}

/**
 * Reads visits through the visits repository (visits/visit-read.ts). Private notes (`notes`) are
 * left behind: they never go into a letter.
 */
export const repoVisitSource: VisitSource = {
  visitFor(db, companyId, visitId) {
    if (!visitsExist(db)) return null;
    if (visitId !== undefined) {
      const v = getVisit(db, visitId);
      return v.companyId === companyId ? fromVisit(v) : undefined;
    }
    const [latest] = listVisits(db, companyId, 0, 1).rows;
    return latest ? fromVisit(latest) : undefined;
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

let current: VisitSource = repoVisitSource;

export function visitSource(): VisitSource {
  return current;
}

/** Replaces where visits come from (tests; or the visits repository once it is the one way in). */
export function setVisitSource(source: VisitSource): () => void {
  const previous = current;
  current = source;
  return () => {
    current = previous;
  };
}
