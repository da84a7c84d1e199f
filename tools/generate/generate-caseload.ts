import type { Database } from 'better-sqlite3';
import { beginBulkLoad } from '../../src-main/core/db/bulk-load';
import { companyWriter, ensureGeneratedConsultants, type GeneratedCompany } from './generate-companies';
import { type OutreachCounts, outreachWriter, writeNetworks } from './generate-outreach';
import { type VisitCounts, visitWriter } from './generate-visits';
import { Random } from './random';

export interface CaseloadGenOptions {
  companies: number;
  seed: number;
  /** Period of the programme (ISO dates); defaults to the 2010–2012 programme. */
  from?: string;
  to?: string;
  /** Average visits per firm (0 to twice this, evenly). */
  visitsPerCompany?: number;
  /** Shortest and longest visit note in words. */
  noteWords?: [number, number];
  consultants?: number;
  /**
   * Write the derived data (text indexes, owner names) once at the end instead of per row (default).
   * Off, every row goes through the schema's triggers, as the app writes them; tests compare the two.
   */
  bulkIndexes?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface CaseloadGenResult extends VisitCounts, OutreachCounts {
  companies: number;
  contacts: number;
  consultants: number;
  /** Parts not written because this database has no table for them yet. */
  skipped: string[];
}

function hasTable(db: Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function count(db: Database, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** A bigger page cache while writing: the indexes of 100,000 firms do not fit SQLite's default 2 MB. */
function withLargeCache<T>(db: Database, fn: () => T): T {
  const before = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  try {
    return fn();
  } finally {
    db.pragma(`cache_size = ${before}`);
  }
}

/**
 * A whole fictional caseload in one transaction: consultants, firms with contact persons, visits
 * with notes, needs and participants, follow-ups, referrals, LAG applications, knowledge contacts
 * and networks. Seeded, so a size and a seed give the same data on every machine. Parts whose
 * tables this schema lacks are skipped and named in the result.
 */
export function generateCaseload(db: Database, opts: CaseloadGenOptions): CaseloadGenResult {
  const rng = new Random(opts.seed);
  const from = opts.from ?? '2010-01-01';
  const to = opts.to ?? '2012-12-31';
  const visitsAvg = opts.visitsPerCompany ?? 3;
  const consultantCount = opts.consultants ?? Math.min(60, Math.max(3, Math.round(opts.companies / 2000)));
  const withVisits = hasTable(db, 'visits') && hasTable(db, 'followups');
  const withOutreach = ['referrals', 'lag_applications', 'lag_budget_lines', 'knowledge_contacts', 'support_schemes']
    .map((t) => hasTable(db, t))
    .every(Boolean);
  const withNetworks = ['networks', 'network_members', 'network_meetings'].map((t) => hasTable(db, t)).every(Boolean);
  const contactsBefore = count(db, 'contacts');
  const now = `${to}T12:00:00Z`;

  const result = withLargeCache(db, () =>
    db.transaction(() => {
      const consultantIds = ensureGeneratedConsultants(db, rng, consultantCount, now);
      const writeCompany = companyWriter(db, rng, { count: opts.companies, from, to }, consultantIds);
      const visits = withVisits ? visitWriter(db, rng, { to, noteWords: opts.noteWords ?? [50, 500] }) : null;
      const outreach = withOutreach ? outreachWriter(db, rng, { to }) : null;
      const bulk =
        opts.bulkIndexes !== false ? beginBulkLoad(db, { tables: ['companies', 'contacts', 'visits'] }) : null;
      const companies: GeneratedCompany[] = [];
      for (let n = 0; n < opts.companies; n++) {
        const visitCount = withVisits ? rng.int(0, visitsAvg * 2) : 0;
        const company = writeCompany({ n, visits: visitCount });
        companies.push(company);
        visits?.write(company, visitCount);
        outreach?.write(company, visitCount);
        if (n % 1000 === 999) opts.onProgress?.(n + 1, opts.companies);
      }
      const outreachCounts: OutreachCounts = outreach?.counts ?? {
        referrals: 0,
        grants: 0,
        lagApplications: 0,
        lagBudgetLines: 0,
        knowledgeContacts: 0,
        networks: 0,
        networkMembers: 0,
        networkMeetings: 0,
      };
      if (withNetworks) writeNetworks(db, rng, companies, { from, to }, outreachCounts);
      bulk?.finish();
      return {
        consultants: consultantIds.length,
        visitCounts: visits?.counts ?? { visits: 0, needs: 0, participants: 0, followups: 0, noteWords: 0 },
        outreachCounts,
      };
    })(),
  );
  const skipped = [
    ...(withVisits ? [] : ['visits', 'followups']),
    ...(withOutreach ? [] : ['referrals', 'lag_applications', 'knowledge_contacts']),
    ...(withNetworks ? [] : ['networks']),
  ];
  return {
    companies: opts.companies,
    contacts: count(db, 'contacts') - contactsBefore,
    consultants: result.consultants,
    ...result.visitCounts,
    ...result.outreachCounts,
    skipped,
  };
}
