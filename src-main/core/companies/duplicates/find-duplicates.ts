import type { Database } from 'better-sqlite3';
import type { DuplicateReason } from '../../../../src-shared/codes/companies';
import type { DuplicatePair } from './duplicate-schema';
import { addressKey, nameKey } from './name-key';

interface Candidate {
  id: number;
  name: string;
  cvr: string | null;
  pNumber: string | null;
  postcode: string | null;
  city: string | null;
  address: string | null;
}

/**
 * Pairs of firms that may be one firm recorded twice: the same P-number; the same name (as
 * `nameKey` folds it) at the same postcode or address; or a firm without CVR whose name matches a
 * registered firm's. Two firms with different CVRs are never a pair: the register says they are two.
 * (The same CVR twice cannot be stored: the column is unique.)
 *
 * Reads each firm once and groups in memory, so the scan is one pass over the table whatever the
 * number of firms; a group of names shared by many firms yields its pairs only where the
 * postcode, address or missing CVR says they are likely one.
 */
export function findDuplicates(db: Database, opts: { companyId?: number } = {}): DuplicatePair[] {
  const rows = db
    .prepare(`SELECT id, name, cvr, p_number AS pNumber, postcode, city, address FROM companies ORDER BY id`)
    .all() as Candidate[];
  const pairs = new Map<string, DuplicatePair>();
  const add = (a: Candidate, b: Candidate, reason: DuplicateReason) => {
    if (a.id === b.id) return;
    if (a.cvr && b.cvr && a.cvr !== b.cvr) return;
    // The suggestion keeps the registered firm, else the one recorded first.
    const [first, second] = keepsFirst(a, b) ? [a, b] : [b, a];
    if (opts.companyId !== undefined && first.id !== opts.companyId && second.id !== opts.companyId) return;
    const key = `${Math.min(a.id, b.id)}:${Math.max(a.id, b.id)}`;
    const known = pairs.get(key);
    if (known) {
      if (!known.reasons.includes(reason)) known.reasons.push(reason);
      return;
    }
    pairs.set(key, {
      keepId: first.id,
      mergeId: second.id,
      keepName: first.name,
      mergeName: second.name,
      keepCvr: first.cvr,
      mergeCvr: second.cvr,
      keepPlace: place(first),
      mergePlace: place(second),
      reasons: [reason],
    });
  };

  const groups = (key: (c: Candidate) => string) => {
    const map = new Map<string, Candidate[]>();
    for (const c of rows) {
      const k = key(c);
      if (k === '') continue;
      const list = map.get(k);
      if (list) list.push(c);
      else map.set(k, [c]);
    }
    return [...map.values()].filter((g) => g.length > 1);
  };
  const eachPair = (group: Candidate[], fn: (a: Candidate, b: Candidate) => void) => {
    group.forEach((a, i) => {
      for (const b of group.slice(i + 1)) fn(a, b);
    });
  };

  for (const g of groups((c) => c.pNumber ?? '')) eachPair(g, (a, b) => add(a, b, 'p_number'));

  const names = new Map<number, string>();
  for (const c of rows) names.set(c.id, nameKey(c.name));
  for (const g of groups((c) => {
    const n = names.get(c.id) ?? '';
    return n && c.postcode ? `${n}\u0000${c.postcode}` : '';
  }))
    eachPair(g, (a, b) => add(a, b, 'name_postcode'));
  for (const g of groups((c) => {
    const n = names.get(c.id) ?? '';
    const a = addressKey(c.address);
    return n && a ? `${n}\u0000${a}` : '';
  }))
    eachPair(g, (a, b) => add(a, b, 'name_address'));
  for (const g of groups((c) => names.get(c.id) ?? '')) {
    const registered = g.filter((c) => c.cvr);
    const unregistered = g.filter((c) => !c.cvr);
    // A name shared by many registered firms names nobody in particular: "Tømrerfirmaet" twenty times.
    if (registered.length === 0 || registered.length > 3) continue;
    for (const u of unregistered) for (const r of registered) add(u, r, 'unregistered');
  }

  return [...pairs.values()].sort((x, y) => x.keepName.localeCompare(y.keepName, 'da') || x.keepId - y.keepId);
}

function keepsFirst(a: Candidate, b: Candidate): boolean {
  if (Boolean(a.cvr) !== Boolean(b.cvr)) return Boolean(a.cvr);
  return a.id < b.id;
}

function place(c: Candidate): string {
  return [c.address, [c.postcode, c.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}
