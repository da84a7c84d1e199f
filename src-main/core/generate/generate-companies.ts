import type { Database } from 'better-sqlite3';
import { COMPANY_STATUSES } from '../domain/company-status';
import { cvrCheckDigit } from '../domain/cvr';
import { POSTCODES } from '../domain/postcodes';
import { danishSortKey } from '../domain/sort-key';
import { FIRST_NAMES, LAST_NAMES, PLACE_WORDS, TRADES } from './danish-names';
import type { Random } from './random';

export interface GeneratedCompany {
  id: number;
  kommuneCode: number;
  consultantId: number;
  createdAt: string;
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
}

const POSTCODE_LIST = [...POSTCODES.values()];

export function personName(rng: Random): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

/** Distinct valid CVR numbers, drawn from the generator's own sequence. */
function cvrSource(rng: Random): () => string {
  const used = new Set<string>();
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
    const name = personName(rng);
    if (names.has(name)) continue;
    names.add(name);
    const initials = name
      .split(' ')
      .map((p) => p[0])
      .join('');
    const email = `${name.split(' ')[0]?.toLowerCase()}@erhverv.example.dk`;
    ids.push(Number(insert.run(rng.uuid(), name, initials, email, now).lastInsertRowid));
  }
  return ids;
}

/**
 * Writes `count` fictional firms with an owner each straight into the database with prepared
 * statements, inside the caller's transaction. Every CVR passes the modulus-11 check.
 */
export function generateCompanies(
  db: Database,
  rng: Random,
  opts: CompanyGenOptions,
  consultantIds: number[],
): GeneratedCompany[] {
  const nextCvr = cvrSource(rng);
  const insertCompany = db.prepare(`INSERT INTO companies(uuid, record_type, cvr, name, name_sort, legal_form, address,
      postcode, city, kommune_code, industry_code, employees, founded, phone, email, website, status, consultant_id,
      created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertContact =
    db.prepare(`INSERT INTO contacts(uuid, company_id, name, role, phone, email, is_owner, created_at,
      updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const out: GeneratedCompany[] = [];
  const withoutCvr = opts.withoutCvr ?? 0.05;
  for (let n = 0; n < opts.count; n++) {
    const trade = rng.pick(TRADES);
    const owner = personName(rng);
    const place = rng.chance(0.5) ? rng.pick(PLACE_WORDS) : (owner.split(' ')[1] ?? 'Nord');
    const name = `${place} ${rng.pick(trade.words)}`;
    const wantedKommune = opts.kommuneFor?.(n);
    const candidates =
      wantedKommune === undefined ? POSTCODE_LIST : POSTCODE_LIST.filter((p) => p.kommuneCode === wantedKommune);
    const pc = rng.pick(candidates.length ? candidates : POSTCODE_LIST);
    const hasCvr = !rng.chance(withoutCvr);
    const created = rng.date(opts.from, opts.to);
    const consultantId = rng.pick(consultantIds);
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '');
    const stamp = `${created}T09:00:00Z`;
    const id = Number(
      insertCompany.run(
        rng.uuid(),
        hasCvr ? 'registered' : 'unregistered',
        hasCvr ? nextCvr() : null,
        name,
        danishSortKey(name),
        rng.pick(trade.legalForms),
        `${rng.pick(['Hovedgaden', 'Bygaden', 'Skovvej', 'Møllevej', 'Kirkevej', 'Engvej'])} ${rng.int(1, 120)}`,
        pc.postcode,
        pc.city,
        pc.kommuneCode,
        trade.industry,
        rng.int(0, 12),
        rng.date('1975-01-01', opts.from),
        `${rng.int(20, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`,
        `post@${slug || 'firma'}.dk`,
        rng.chance(0.6) ? `www.${slug || 'firma'}.dk` : null,
        rng.pick(COMPANY_STATUSES),
        consultantId,
        stamp,
        stamp,
      ).lastInsertRowid,
    );
    insertContact.run(rng.uuid(), id, owner, 'Indehaver', null, null, 1, stamp, stamp);
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
    out.push({ id, kommuneCode: pc.kommuneCode, consultantId, createdAt: created });
  }
  return out;
}
