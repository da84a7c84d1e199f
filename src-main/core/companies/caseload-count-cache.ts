import type { Database } from 'better-sqlite3';
import { stmt } from '../db/sql';

/**
 * Totals of the caseload query per filter, and the ordered ids a search matched, kept while
 * nothing the caseload shows has changed.
 *
 * The table asks for page after page of the same filter while the consultant scrolls, and counting
 * the matches of a search among 100,000 firms costs more than fetching the page itself. A total
 * stays valid until this connection writes to companies, contacts or visits (counted by temporary
 * triggers, which live only in this connection) or another connection commits (`data_version`).
 * Writes elsewhere, such as the access log a search adds, leave the totals alone.
 */
const WATCHED = ['companies', 'contacts', 'visits'] as const;
const MAX_ENTRIES = 64;
/** Lists hold up to every firm's id (800 KB at 100,000): keep a few searches, not every one. */
const MAX_LISTS = 8;
const MAX_LIST_LENGTH = 1_000_000;

interface CacheState {
  /** null when the temporary triggers could not be made: every total is then counted. */
  stampSql: string | null;
  stamp: string;
  totals: Map<string, number>;
  lists: Map<string, readonly number[]>;
}

const states = new WeakMap<Database, CacheState>();

function install(db: Database): CacheState {
  try {
    const tables = new Set(
      (db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table'").pluck().all() as string[]).filter((t) =>
        (WATCHED as readonly string[]).includes(t),
      ),
    );
    db.exec('CREATE TEMP TABLE IF NOT EXISTS caseload_writes(n INTEGER NOT NULL)');
    db.exec('INSERT INTO temp.caseload_writes(n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM temp.caseload_writes)');
    for (const table of tables) {
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
        db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS caseload_writes_${table}_${event.toLowerCase()}
          AFTER ${event} ON main.${table} BEGIN UPDATE temp.caseload_writes SET n = n + 1; END`);
      }
    }
    return {
      stampSql: "SELECT (SELECT n FROM temp.caseload_writes) || ':' || data_version FROM pragma_data_version",
      stamp: '',
      totals: new Map(),
      lists: new Map(),
    };
  } catch {
    return { stampSql: null, stamp: '', totals: new Map(), lists: new Map() };
  }
}

/** The cache for `db` if its contents still describe the data, else null (nothing may be kept). */
function current(db: Database): CacheState | null {
  let state = states.get(db);
  if (!state) {
    state = install(db);
    states.set(db, state);
  }
  // Inside a transaction the data may still roll back under a total counted now.
  if (state.stampSql === null || db.inTransaction) return null;
  const stamp = String(stmt(db, state.stampSql).pluck().get());
  if (stamp !== state.stamp) {
    state.totals.clear();
    state.lists.clear();
    state.stamp = stamp;
  }
  return state;
}

/** The total for `key` (the count query and its parameters), counting only when it is not known. */
export function cachedTotal(db: Database, key: string, count: () => number): number {
  const state = current(db);
  if (!state) return count();
  const known = state.totals.get(key);
  if (known !== undefined) return known;
  const total = count();
  if (state.totals.size >= MAX_ENTRIES) state.totals.clear();
  state.totals.set(key, total);
  return total;
}

/** The ordered ids for `key` (a search without its page), listing them only when not known. */
export function cachedList(db: Database, key: string, list: () => number[]): readonly number[] {
  const state = current(db);
  if (!state) return list();
  const known = state.lists.get(key);
  if (known) return known;
  const ids = list();
  if (ids.length <= MAX_LIST_LENGTH) {
    if (state.lists.size >= MAX_LISTS) state.lists.delete(state.lists.keys().next().value ?? '');
    state.lists.set(key, ids);
  }
  return ids;
}

/** The ordered ids for `key` if they are known, without listing them. */
export function knownList(db: Database, key: string): readonly number[] | undefined {
  return current(db)?.lists.get(key);
}

/** Forgets every remembered total and list (benchmarks time a first query). */
export function forgetCaseloadTotals(db: Database): void {
  const state = states.get(db);
  state?.totals.clear();
  state?.lists.clear();
}
