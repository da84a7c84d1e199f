import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ERASURE_LEDGER_DDL } from '../db/migrations/0120-erasure-ledger';
import { all, get } from '../db/sql';
import { tableExists } from './personal-data';

/**
 * What the caseload remembers of a company it erased (table `erasure_ledger`, migration 120):
 * enough to find the company again in an older copy of the caseload, nothing to tell who it was.
 */
export interface ErasureEntry {
  /** The id the company had in the caseload that erased it. */
  erasedCompanyId: number;
  /** Its uuid: random, given when it was created, kept by backups and caseload files. */
  companyUuid: string;
  /** The HMAC key the hashes below were made with. */
  hashKey: Buffer;
  cvrHash: string | null;
  pNumberHash: string | null;
  erasedAt: string;
}

export interface ErasedCompany {
  id: number;
  uuid: string;
  cvr: string | null;
  p_number: string | null;
}

/**
 * A keyed hash of a CVR or P-number. Keyed so the ledger cannot be compared with another
 * caseload's, or looked up in a table of all CVR numbers hashed in advance. It is
 * pseudonymisation, not secrecy: whoever holds the file holds the key too.
 */
function identityHash(key: Buffer, kind: 'cvr' | 'p', value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? createHmac('sha256', key).update(`${kind}:${v}`).digest('hex') : null;
}

interface LedgerRow {
  erased_company_id: number;
  company_uuid: string;
  hash_key: Buffer;
  cvr_hash: string | null;
  p_number_hash: string | null;
  erased_at: string;
}

const toEntry = (r: LedgerRow): ErasureEntry => ({
  erasedCompanyId: r.erased_company_id,
  companyUuid: r.company_uuid,
  hashKey: r.hash_key,
  cvrHash: r.cvr_hash,
  pNumberHash: r.p_number_hash,
  erasedAt: r.erased_at,
});

/** Every erasure this caseload knows of, oldest first; none in a file made before the ledger existed. */
export function erasureLedger(db: Database): ErasureEntry[] {
  if (!tableExists(db, 'erasure_ledger')) return [];
  return all<LedgerRow>(
    db,
    'SELECT erased_company_id, company_uuid, hash_key, cvr_hash, p_number_hash, erased_at FROM erasure_ledger ORDER BY id',
  ).map(toEntry);
}

/** Records an erasure, inside the erasing transaction. The caseload's key is made with its first entry. */
export function recordErasure(db: Database, company: ErasedCompany, erasedAt: string): ErasureEntry {
  const key =
    get<{ hash_key: Buffer }>(db, 'SELECT hash_key FROM erasure_ledger ORDER BY id DESC LIMIT 1')?.hash_key ??
    randomBytes(32);
  const entry: ErasureEntry = {
    erasedCompanyId: company.id,
    companyUuid: company.uuid,
    hashKey: key,
    cvrHash: identityHash(key, 'cvr', company.cvr),
    pNumberHash: identityHash(key, 'p', company.p_number),
    erasedAt,
  };
  addEntries(db, [entry]);
  return entry;
}

/** Adds entries (from another copy of the caseload) that `db` does not have yet; makes the table if needed. */
export function addEntries(db: Database, entries: readonly ErasureEntry[]): void {
  db.exec(ERASURE_LEDGER_DDL);
  const insert = db.prepare(
    `INSERT OR IGNORE INTO erasure_ledger(erased_company_id, company_uuid, hash_key, cvr_hash, p_number_hash, erased_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const e of entries)
    insert.run(e.erasedCompanyId, e.companyUuid, e.hashKey, e.cvrHash, e.pNumberHash, e.erasedAt);
}

const entryKey = (e: Pick<ErasureEntry, 'companyUuid' | 'erasedAt'>) => `${e.companyUuid}\u0000${e.erasedAt}`;

/** The entries `db`'s own ledger lacks: a copy that lacks none has had every erasure applied. */
export function missingEntries(db: Database, entries: readonly ErasureEntry[]): ErasureEntry[] {
  const have = new Set(erasureLedger(db).map(entryKey));
  return entries.filter((e) => !have.has(entryKey(e)));
}

/**
 * The companies in `db` that are one of the erased ones: the same uuid (any copy of the same
 * caseload), or the same CVR or P-number (the firm entered again in another caseload) when the
 * row was created before the erasure. A firm that came back and was entered anew after its
 * erasure is a new case, and stays.
 */
export function findErased(db: Database, entries: readonly ErasureEntry[]): number[] {
  const found = new Set<number>();
  const byUuid = db.prepare('SELECT id FROM companies WHERE uuid = ?').pluck();
  for (const e of entries) {
    const id = byUuid.get(e.companyUuid) as number | undefined;
    if (id !== undefined) found.add(id);
  }
  const withHashes = entries.filter((e) => e.cvrHash || e.pNumberHash);
  if (withHashes.length === 0) return [...found];
  const candidates = all<{ id: number; cvr: string | null; p_number: string | null; created_at: string }>(
    db,
    'SELECT id, cvr, p_number, created_at FROM companies WHERE cvr IS NOT NULL OR p_number IS NOT NULL',
  );
  // One pass over the companies per key: a caseload writes one key, so usually one pass.
  const keys = new Map<string, { key: Buffer; erasedAt: Map<string, number> }>();
  for (const e of withHashes) {
    const k = e.hashKey.toString('hex');
    const group = keys.get(k) ?? { key: e.hashKey, erasedAt: new Map<string, number>() };
    keys.set(k, group);
    // A hash erased twice: the later erasure covers every row created before it.
    const at = Date.parse(e.erasedAt);
    for (const h of [e.cvrHash, e.pNumberHash])
      if (h && (group.erasedAt.get(h) ?? Number.NEGATIVE_INFINITY) < at) group.erasedAt.set(h, at);
  }
  for (const { key, erasedAt } of keys.values()) {
    for (const c of candidates) {
      const created = Date.parse(c.created_at);
      for (const h of [identityHash(key, 'cvr', c.cvr), identityHash(key, 'p', c.p_number)]) {
        const at = h ? erasedAt.get(h) : undefined;
        if (at !== undefined && created <= at) found.add(c.id);
      }
    }
  }
  return [...found];
}
