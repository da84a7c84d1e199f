import type { Database } from 'better-sqlite3';
import { todayIso } from '../../../src-shared/format/dates';
import { all, get } from '../db/sql';
import type { DocumentKind } from '../documents/document-schema';
import { generateDocument } from '../documents/generate';
import type { FreeLetterInput } from '../documents/kinds/kind-types';
import { addDays } from '../domain/clock-time';
import { createFollowUp } from '../followups/followup-repo';
import { budgetOf } from '../lag/lag-read';
import { createLagApplication } from '../lag/lag-repo';
import { setLagStatus } from '../lag/lag-status';
import type { Locale } from '../messages';
import { createReferral } from '../referrals/referral-repo';
import { setReferralStatus } from '../referrals/referral-status';
import { getTextSetting, setSetting } from '../settings/settings-repo';
import { createVisit } from '../visits/visit-repo';
import { DEMO_PROGRAMME_YEAR, DEMO_TARGETS } from './report-settings';

/**
 * The demo's fictional office: its letterhead and signature, so every letter can be made from a
 * fresh demo without opening Settings. Stored as data (the office is fictional, not a message).
 */
const DEMO_OFFICE = {
  'letterhead.organisation': 'Landdistriktskontoret Midt (demo)',
  'letterhead.address': 'Stationsvej 4, 8620 Kjellerup',
  'letterhead.phone': '86 00 12 34',
  'letterhead.email': 'kontakt@landdistrikt-midt.example.dk',
  'letterhead.signatureTitle': 'Erhvervskonsulent',
} as const;

/** What the consultant wrote this month; data like the shipped demo's notes. */
const TODAY_TEXT = {
  visitNotes: 'Opfølgning på sidste besøg. Ejeren har fået tilbud fra leverandøren og vil gå videre med planen.',
  nextSteps: 'Konsulenten sender materiale og aftaler næste møde.',
  followups: ['Ring og hør om banken har svaret', 'Send materiale om tilskud', 'Følg op på forretningsplanen'],
  plannedVisit: 'Besøg hos virksomheden',
  plannedVisitNote: 'Aftalt ved sidste telefonsamtale; ejeren viser den nye produktion.',
  referralReason: 'Virksomheden har brug for specialiseret rådgivning om finansiering af næste skridt.',
  lagTitle: 'Fase 2: {title}',
} as const;

interface Firm {
  id: number;
  ownerId: number | null;
}

function firms(db: Database, sql: string, count: number): Firm[] {
  return all<Firm>(db, `${sql} LIMIT ${count}`);
}

/**
 * The present-day slice of the demo, dated from `today`: visits in the last weeks with open, due
 * and overdue follow-ups, planned visits, referrals waiting for an answer and LAG applications
 * with a deadline next month, so every list and the home page show something real. Written
 * through the same repositories a consultant's clicks go through (so the audit log has a history)
 * inside the import's transaction (a demo is whole or not there), with the letterhead, the
 * programme year and its targets.
 */
export function addPresentDay(db: Database, today = todayIso()): void {
  db.transaction(() => {
    for (const [key, value] of Object.entries(DEMO_OFFICE)) if (!getTextSetting(db, key)) setSetting(db, key, value);
    if (!getTextSetting(db, 'letterhead.signatureName')) {
      const name = get<{ name: string }>(db, 'SELECT name FROM consultants ORDER BY id LIMIT 1')?.name;
      if (name) setSetting(db, 'letterhead.signatureName', name);
    }
    setSetting(db, 'report.programmeYear', DEMO_PROGRAMME_YEAR);
    setSetting(db, 'report.targets', DEMO_TARGETS);

    // The same firms for every run of the same file: the first ones by name that the year saw.
    const seen = `SELECT c.id, (SELECT id FROM contacts WHERE company_id = c.id ORDER BY is_owner DESC, id LIMIT 1)
      AS ownerId FROM companies c WHERE c.cvr IS NOT NULL AND EXISTS (SELECT 1 FROM visits WHERE company_id = c.id)`;
    const visited = firms(db, `${seen} ORDER BY c.name_sort`, 24);
    const lagFirms = firms(
      db,
      `${seen} AND EXISTS (SELECT 1 FROM lag_applications WHERE company_id = c.id) ORDER BY c.name_sort DESC`,
      4,
    );

    visited.slice(0, 12).forEach((f, i) => {
      const kind = i % 3; // overdue, due today, upcoming
      const due = kind === 0 ? addDays(today, -(3 + i)) : kind === 1 ? today : addDays(today, 4 + i);
      createVisit(
        db,
        {
          companyId: f.id,
          date: addDays(today, -(kind === 0 ? 14 + i : 1 + i)),
          type: i % 4 === 3 ? 'phone' : 'visit',
          participantIds: f.ownerId ? [f.ownerId] : [],
          needs: i % 2 ? ['financing', 'business_plan'] : ['sales_marketing'],
          adviceGiven: true,
          notes: TODAY_TEXT.visitNotes,
          nextSteps: TODAY_TEXT.nextSteps,
          potential: 3,
          followups: [{ title: TODAY_TEXT.followups[kind], dueDate: due }],
        },
        { today },
      );
    });
    visited.slice(12, 18).forEach((f, i) => {
      createFollowUp(db, {
        companyId: f.id,
        title: TODAY_TEXT.plannedVisit,
        description: TODAY_TEXT.plannedVisitNote,
        dueDate: addDays(today, 2 + i * 3),
      });
    });
    const vaeksthus = get<{ id: number }>(
      db,
      "SELECT id FROM organisations WHERE type IN ('vaeksthus', 'erhvervshus') ORDER BY type = 'vaeksthus' DESC, id",
    )?.id;
    if (vaeksthus !== undefined) {
      visited.slice(18, 24).forEach((f, i) => {
        const r = createReferral(db, {
          companyId: f.id,
          organisationId: vaeksthus,
          contactId: f.ownerId ?? undefined,
          reason: TODAY_TEXT.referralReason,
          needs: ['financing'],
          firstContactOn: addDays(today, -(60 + i)),
          consentOn: addDays(today, -(20 + i)),
        });
        setReferralStatus(db, r.id, 'sent', addDays(today, -(5 + i * 2)));
        // Two have arrived and wait for the Væksthus' answer; the rest wait to be received.
        if (i >= 4) setReferralStatus(db, r.id, 'received', addDays(today, -(2 + i)));
      });
    }
    const nextMonth = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1);
    const deadlineMonth = nextMonth.toISOString().slice(0, 7);
    lagFirms.forEach((f, i) => {
      const old = get<Record<string, unknown> & { id: number }>(
        db,
        'SELECT * FROM lag_applications WHERE company_id = ? ORDER BY id DESC LIMIT 1',
        [f.id],
      );
      if (!old) return;
      const start = addDays(`${deadlineMonth}-01`, 60);
      const app = createLagApplication(db, {
        companyId: f.id,
        lagId: old.lag_id as number,
        contactId: f.ownerId ?? undefined,
        title: TODAY_TEXT.lagTitle.replace('{title}', String(old.title)),
        theme: (old.theme as string | null) ?? undefined,
        purpose: (old.purpose as string | null) ?? undefined,
        activities: (old.activities as string | null) ?? undefined,
        effectJobs: (old.effect_jobs as number | null) ?? undefined,
        periodStart: start,
        periodEnd: addDays(start, 365),
        grantRequestedOre: old.grant_requested_ore as number,
        ownCashOre: old.own_cash_ore as number,
        deadline: `${deadlineMonth}-${String(8 + i * 5).padStart(2, '0')}`,
        budget: budgetOf(db, old.id).map((l) => ({
          category: l.category,
          description: l.description,
          amountOre: l.amountOre,
        })),
      });
      setLagStatus(db, app.id, 'drafting', { date: today });
    });
  })();
}

/**
 * One letter of each kind from the present-day slice, as a consultant would have made them, so
 * the documents tab of those firms is not empty. Each letter is its own file and record.
 */
export async function makeDemoLetters(db: Database, today = todayIso(), locale: Locale = 'da'): Promise<number> {
  const sources: Array<{ kind: DocumentKind; companyId: number | undefined; letter?: FreeLetterInput }> = [
    {
      kind: 'visit-summary',
      companyId: get<{ id: number }>(db, 'SELECT company_id AS id FROM visits ORDER BY date DESC, id DESC LIMIT 1')?.id,
    },
    {
      kind: 'vaeksthus',
      companyId: get<{ id: number }>(
        db,
        "SELECT company_id AS id FROM referrals WHERE status = 'sent' ORDER BY sent_at DESC, id DESC LIMIT 1",
      )?.id,
    },
    {
      kind: 'lag',
      companyId: get<{ id: number }>(
        db,
        "SELECT company_id AS id FROM lag_applications WHERE status = 'drafting' AND deadline IS NOT NULL ORDER BY id DESC LIMIT 1",
      )?.id,
    },
    {
      // A firm with a Væksthus grant has de minimis aid on record, so its declaration lists something.
      kind: 'deminimis',
      companyId: get<{ id: number }>(
        db,
        "SELECT company_id AS id FROM referrals WHERE outcome = 'grant_awarded' ORDER BY outcome_on DESC, id DESC LIMIT 1",
      )?.id,
    },
    {
      kind: 'brev',
      companyId: get<{ id: number }>(db, 'SELECT company_id AS id FROM visits ORDER BY date DESC, id DESC LIMIT 1')?.id,
      letter: {
        subject: 'Tak for besøget',
        text: 'Tak for en god snak i sidste uge. Som lovet sender jeg kontaktoplysningerne på fødevarenetværket; de mødes første tirsdag i måneden.\n\nRing endelig, hvis I har spørgsmål.',
      },
    },
  ];
  let made = 0;
  for (const s of sources) {
    if (s.companyId === undefined) continue;
    await generateDocument(db, { kind: s.kind, companyId: s.companyId, letterDate: today, letter: s.letter }, locale);
    made++;
  }
  return made;
}
