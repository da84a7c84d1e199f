import type { Database } from 'better-sqlite3';
import { NEED_KEYS, type VISIT_TYPES } from '../../src-main/core/domain/needs';
import { dayOf, isoDay } from './day-calendar';
import type { GeneratedCompany } from './generate-companies';
import { prose } from './generate-text';
import type { Random } from './random';

export interface VisitGenOptions {
  /** Last day of the period (ISO): visits happen up to it, open follow-ups fall due around it. */
  to: string;
  /** Shortest and longest note in words (50–500). */
  noteWords: [number, number];
}

export interface VisitCounts {
  visits: number;
  needs: number;
  participants: number;
  followups: number;
  noteWords: number;
}

const TYPE_WEIGHTS: readonly (typeof VISIT_TYPES)[number][] = [
  'visit',
  'visit',
  'visit',
  'visit',
  'visit',
  'phone',
  'phone',
  'phone',
  'meeting',
  'email',
];
const FOLLOWUP_TITLES = [
  'Send materiale om tilskud',
  'Ring og hør om banken har svaret',
  'Aftal næste besøg',
  'Følg op på forretningsplanen',
  'Send kontakt til mentor',
  'Hør om LAG-ansøgningen er sendt',
  'Tjek status på henvisning',
];

/**
 * Writes a firm's visits (each with a note), their needs and participants, and the follow-ups
 * agreed at some of them, inside the caller's transaction. The schema's triggers keep the firm's
 * last contact and next follow-up dates and the full-text index up to date, as for any writer.
 */
export function visitWriter(db: Database, rng: Random, opts: VisitGenOptions) {
  const insertVisit = db.prepare(`INSERT INTO visits(uuid, company_id, date, start_time, duration_minutes, type,
      consultant_id, location, business_description, needs_text, potential, advice_given, next_steps, notes,
      created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertNeed = db.prepare('INSERT INTO visit_needs(visit_id, need) VALUES (?, ?)');
  const insertParticipant = db.prepare('INSERT INTO visit_participants(visit_id, contact_id) VALUES (?, ?)');
  const insertFollowup = db.prepare(`INSERT INTO followups(uuid, company_id, visit_id, title, description, due_date,
      snoozed_until, consultant_id, done_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const lastDay = dayOf(opts.to);
  const [minWords, maxWords] = opts.noteWords;
  const counts: VisitCounts = { visits: 0, needs: 0, participants: 0, followups: 0, noteWords: 0 };

  const write = (company: GeneratedCompany, visitCount: number): void => {
    let day = dayOf(company.createdAt);
    for (let i = 0; i < visitCount; i++) {
      // Visits follow each other by days to months; the last ones crowd at the period's end.
      day = Math.min(lastDay, day + rng.int(1, 120));
      const date = isoDay(day);
      const type = rng.pick(TYPE_WEIGHTS);
      const words = rng.skewedInt(minWords, maxWords);
      const notes = prose(rng, words, company.trade);
      counts.noteWords += words;
      const stamp = `${date}T15:00:00Z`;
      const visitId = Number(
        insertVisit.run(
          rng.uuid(),
          company.id,
          date,
          `${String(rng.int(8, 16)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}`,
          rng.pick([15, 30, 45, 60, 90, 120]),
          type,
          company.consultantId,
          type === 'visit' ? 'Hos virksomheden' : null,
          i === 0 ? prose(rng, rng.int(10, 30), company.trade) : null,
          rng.chance(0.6) ? prose(rng, rng.int(8, 25), company.trade) : null,
          rng.int(1, 5),
          rng.chance(0.5) ? 1 : 0,
          rng.chance(0.5) ? prose(rng, rng.int(5, 15), company.trade) : null,
          notes,
          stamp,
          stamp,
        ).lastInsertRowid,
      );
      counts.visits++;
      const needCount = rng.int(0, 3);
      const chosen = new Set<string>();
      for (let k = 0; k < needCount; k++) chosen.add(rng.pick(NEED_KEYS));
      for (const need of chosen) insertNeed.run(visitId, need);
      counts.needs += chosen.size;
      if (type === 'visit' || type === 'meeting') {
        insertParticipant.run(visitId, company.ownerContactId);
        counts.participants++;
      }
      if (rng.chance(0.4)) {
        const due = day + rng.int(7, 60);
        // Promises made long before the period's end were kept; recent ones are still open.
        const done = due < lastDay - 30 || rng.chance(0.3);
        const snoozed = !done && rng.chance(0.15) ? isoDay(due + rng.int(3, 21)) : null;
        insertFollowup.run(
          rng.uuid(),
          company.id,
          visitId,
          rng.pick(FOLLOWUP_TITLES),
          rng.chance(0.5) ? prose(rng, rng.int(5, 20), company.trade) : null,
          isoDay(due),
          snoozed,
          company.consultantId,
          done ? `${isoDay(Math.min(due, lastDay))}T12:00:00Z` : null,
          stamp,
          stamp,
        );
        counts.followups++;
      }
    }
  };
  return { write, counts };
}
