import type { Database } from 'better-sqlite3';
import { COMPANY_STATUSES, type CompanyStatus } from '../../src-main/core/domain/company-status';
import { cvrCheckDigit } from '../../src-main/core/domain/cvr';
import { POSTCODES } from '../../src-main/core/domain/postcodes';
import { danishSortKey } from '../../src-main/core/domain/sort-key';
import { FIRST_NAMES, LAST_NAMES, PLACE_WORDS, TRADES } from './danish-names';
import { dayOf, isoDay } from './day-calendar';
import type { Random } from './random';

export interface GeneratedCompany {
  id: number;
  name: string;
  kommuneCode: number;
  consultantId: number;
  createdAt: string;
  /** Index of the firm's trade in TRADES: its notes use that trade's words. */
  trade: number;
  /** The owner's contact id: visits list them as participant, letters address them. */
  ownerContactId: number;
  status: CompanyStatus;
}

export interface CompanyGenOptions {
  count: number;
  /** Period the caseload's activity falls in (ISO dates). */
  from: string;
  to: string;
  /** Share of firms without a CVR (would-be founders). */
  withoutCvr?: number;
  /** Pick the kommune for the n-th firm; defaults to an even spread over the region's postcodes. */
  kommuneFor?: (n: number) => number;
  consultants?: number;
  /** Give every firm a name no other firm in the database has (the demo: a newcomer reads the names). */
  uniqueNames?: boolean;
}

/** What the caseload generator decided about a firm before writing it. */
export interface CompanyPlan {
  n: number;
  /** How many visits the firm will get: its status follows from it. */
  visits: number;
}

const POSTCODE_LIST = [...POSTCODES.values()];
const STREETS = ['Hovedgaden', 'Bygaden', 'Skovvej', 'Møllevej', 'Kirkevej', 'Engvej', 'Stationsvej', 'Åvej'];
const CLOSE_REASONS = [
  'Forløbet er afsluttet',
  'Henvist til erhvervshuset',
  'Ejeren gik på pension',
  'Virksomheden ønsker ikke mere hjælp',
];
const ACTIVE_STATUSES: readonly CompanyStatus[] = COMPANY_STATUSES.filter(
  (s) => s !== 'identified' && s !== 'contacted',
);

export function personName(rng: Random): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

/** Distinct valid CVR numbers, drawn from the generator's own sequence, avoiding those in `used`. */
function cvrSource(rng: Random, used: Set<string>): () => string {
  return () => {
    for (;;) {
      const first7 = String(rng.int(1_000_000, 9_999_999));
      const check = cvrCheckDigit(first7);
      const cvr = `${first7}${check}`;
      if (check !== undefined && !used.has(cvr)) {
        used.add(cvr);
        return cvr;
      }
    }
  };
}

export function ensureGeneratedConsultants(db: Database, rng: Random, count: number, now: string): number[] {
  const insert = db.prepare('INSERT INTO consultants(uuid, name, initials, email, created_at) VALUES (?, ?, ?, ?, ?)');
  const ids: number[] = [];
  const names = new Set<string>();
  while (ids.length < count) {
    // Past ~1,000 first/last name pairs a number keeps names unique for very large programmes.
    const base = personName(rng);
    const name = names.has(base) ? `${base} ${ids.length + 1}` : base;
    if (names.has(name)) continue;
    names.add(name);
    const initials = name
      .split(' ')
      .map((p) => p[0])
      .join('');
    const email = `${name.split(' ')[0]?.toLowerCase()}${ids.length + 1}@erhverv.example.dk`;
    ids.push(Number(insert.run(rng.uuid(), name, initials, email, now).lastInsertRowid));
  }
  return ids;
}

/**
 * A firm name no other firm has: a place word, the owner's family name or the town before the
 * trade word, as small Danish firms are named. A trade word that is already definite or genitive
 * ("Smedien", "Gårdens Spisekammer") only takes the town after it ("Smedien Lemvig"), never a
 * genitive before it; the town is added when every short form is taken.
 */
function uniqueFirmName(
  rng: Random,
  words: readonly string[],
  owner: string,
  town: string,
  taken: Set<string>,
): string {
  const family = owner.split(' ')[1] ?? 'Nord';
  const plain = words.filter((w) => !/en$/.test(w) && !/^\p{L}+s /u.test(w));
  const fixed = words.filter((w) => !plain.includes(w));
  const forms = [
    () => `${rng.pick(PLACE_WORDS)} ${rng.pick(plain)}`,
    () => `${family}s ${rng.pick(plain)}`,
    () => `${town} ${rng.pick(plain)}`,
    () => (fixed.length ? `${rng.pick(fixed)} ${town}` : `${rng.pick(LAST_NAMES)}s ${rng.pick(plain)}`),
    () => `${rng.pick(LAST_NAMES)}s ${rng.pick(plain)}`,
  ];
  for (let attempt = 0; ; attempt++) {
    const base = (forms[attempt % forms.length] ?? forms[0])?.() ?? family;
    const name = attempt < 15 ? base : `${base}, ${town}${attempt < 30 ? '' : ` ${attempt}`}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

function statusFor(rng: Random, visits: number): CompanyStatus {
  if (visits === 0) return rng.chance(0.7) ? 'identified' : 'contacted';
  return rng.pick(ACTIVE_STATUSES);
}

/**
 * Returns a writer of one fictional firm (and its owner, sometimes a second contact person) with
 * prepared statements, for use inside the caller's transaction. Every CVR passes modulus 11.
 */
export function companyWriter(db: Database, rng: Random, opts: CompanyGenOptions, consultantIds: number[]) {
  // A caseload generated into a file that already holds firms must not reuse their CVR numbers.
  const existing = db.prepare('SELECT cvr FROM companies WHERE cvr IS NOT NULL').pluck().all() as string[];
  const nextCvr = cvrSource(rng, new Set(existing));
  const insertCompany = db.prepare(`INSERT INTO companies(uuid, record_type, cvr, name, name_sort, legal_form, address,
      postcode, city, kommune_code, industry_code, employees, founded, phone, email, website, status, status_reason,
      consultant_id, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertContact =
    db.prepare(`INSERT INTO contacts(uuid, company_id, name, role, phone, email, is_owner, created_at,
      updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const withoutCvr = opts.withoutCvr ?? 0.05;
  const fromDay = dayOf(opts.from);
  // Firms are found early enough in the period to have a history of visits after them.
  const lastCreatedDay = Math.max(fromDay, dayOf(opts.to) - 90);
  const foundedFrom = dayOf('1975-01-01');
  const takenNames = opts.uniqueNames
    ? new Set((db.prepare('SELECT name FROM companies').pluck().all() as string[]).map((n) => n.toLowerCase()))
    : undefined;

  return (plan: CompanyPlan): GeneratedCompany => {
    const tradeIndex = rng.int(0, TRADES.length - 1);
    const trade = TRADES[tradeIndex] ?? rng.pick(TRADES);
    const owner = personName(rng);
    const place = rng.chance(0.5) ? rng.pick(PLACE_WORDS) : (owner.split(' ')[1] ?? 'Nord');
    // Drawn before the postcode when names may repeat, so other seeds' caseloads stay as they were.
    const shortName = takenNames ? undefined : `${place} ${rng.pick(trade.words)}`;
    const wantedKommune = opts.kommuneFor?.(plan.n);
    const candidates =
      wantedKommune === undefined ? POSTCODE_LIST : POSTCODE_LIST.filter((p) => p.kommuneCode === wantedKommune);
    const pc = rng.pick(candidates.length ? candidates : POSTCODE_LIST);
    const name = shortName ?? uniqueFirmName(rng, trade.words, owner, pc.city, takenNames ?? new Set());
    const hasCvr = !rng.chance(withoutCvr);
    const created = isoDay(rng.int(fromDay, lastCreatedDay));
    const consultantId = rng.pick(consultantIds);
    // The demo's addresses read as real ones (ådalen → aadalen); other caseloads keep their old bytes.
    const spelled = takenNames
      ? name.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa')
      : name.toLowerCase();
    const slug = spelled.replace(/[^a-z0-9]+/g, '');
    const stamp = `${created}T09:00:00Z`;
    const status = statusFor(rng, plan.visits);
    const id = Number(
      insertCompany.run(
        rng.uuid(),
        hasCvr ? 'registered' : 'unregistered',
        hasCvr ? nextCvr() : null,
        name,
        danishSortKey(name),
        rng.pick(trade.legalForms),
        `${rng.pick(STREETS)} ${rng.int(1, 120)}`,
        pc.postcode,
        pc.city,
        pc.kommuneCode,
        trade.industry,
        rng.int(0, 12),
        isoDay(rng.int(foundedFrom, fromDay)),
        `${rng.int(20, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`,
        `post@${slug || 'firma'}.dk`,
        rng.chance(0.6) ? `www.${slug || 'firma'}.dk` : null,
        status,
        // Closing a case takes a reason; an import refuses a closed case without one.
        status === 'closed' ? rng.pick(CLOSE_REASONS) : null,
        consultantId,
        stamp,
        stamp,
      ).lastInsertRowid,
    );
    const ownerContactId = Number(
      insertContact.run(rng.uuid(), id, owner, 'Indehaver', null, null, 1, stamp, stamp).lastInsertRowid,
    );
    if (rng.chance(0.3))
      insertContact.run(
        rng.uuid(),
        id,
        personName(rng),
        rng.pick(['Medejer', 'Bogholder', 'Daglig leder']),
        null,
        null,
        0,
        stamp,
        stamp,
      );
    return {
      id,
      name,
      kommuneCode: pc.kommuneCode,
      consultantId,
      createdAt: created,
      trade: tradeIndex,
      ownerContactId,
      status,
    };
  };
}

/**
 * Writes `count` fictional firms with an owner each straight into the database with prepared
 * statements, inside the caller's transaction (firms only; `generateCaseload` adds their history).
 */
export function generateCompanies(
  db: Database,
  rng: Random,
  opts: CompanyGenOptions,
  consultantIds: number[],
): GeneratedCompany[] {
  const write = companyWriter(db, rng, opts, consultantIds);
  const out: GeneratedCompany[] = [];
  for (let n = 0; n < opts.count; n++) out.push(write({ n, visits: 0 }));
  return out;
}
