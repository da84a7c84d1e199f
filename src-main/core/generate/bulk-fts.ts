import type { Database, Statement } from 'better-sqlite3';

/**
 * Bulk loading for the generator. The schema keeps its full-text indexes right with per-row
 * triggers, which is what a consultant's single edits need; writing 300,000 visits through them
 * re-tokenises each firm's whole note history on every visit and, with FTS5 secure-delete, rewrites
 * index pages for every deleted word (100,000 firms: tens of minutes). Here the same indexes are
 * built once at the end, from the triggers' own SQL, so they come out as the triggers would leave them.
 *
 * Used only inside the generator's transaction: a failure rolls the dropped triggers back too.
 */

interface TriggerInfo {
  name: string;
  sql: string;
  timing: 'BEFORE' | 'AFTER';
  body: string;
}

/** What to do with an FTS-writing insert trigger while rows are bulk-loaded. */
type Plan =
  | { kind: 'rebuild'; trigger: TriggerInfo; fts: string }
  | { kind: 'per-key'; trigger: TriggerInfo; statements: string[] }
  | { kind: 'drop-before'; trigger: TriggerInfo };

export interface BulkSession {
  /** Call once the rows are written: rebuilds the indexes, restores triggers and settings. */
  finish(keys: Iterable<number>): void;
  /** Triggers left firing per row (not understood well enough to replay safely). */
  kept: string[];
}

function fts5Tables(db: Database): Array<{ name: string; sql: string }> {
  return db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'")
    .all() as Array<{ name: string; sql: string }>;
}

function insertTriggers(db: Database, table: string): TriggerInfo[] {
  const rows = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?")
    .all(table) as Array<{ name: string; sql: string }>;
  const out: TriggerInfo[] = [];
  for (const r of rows) {
    const head =
      /^\s*CREATE\s+TRIGGER\s+\S+\s+(BEFORE|AFTER)\s+INSERT\s+ON\s+\S+\s+(?:FOR\s+EACH\s+ROW\s+)?BEGIN\b/i.exec(r.sql);
    const end = r.sql.search(/\bEND\s*;?\s*$/i);
    if (!head || end < 0) continue;
    out.push({
      name: r.name,
      sql: r.sql,
      timing: (head[1] ?? 'AFTER').toUpperCase() as 'BEFORE' | 'AFTER',
      body: r.sql.slice(head[0].length, end),
    });
  }
  return out;
}

const writesTo = (body: string, table: string) => new RegExp(`INSERT\\s+INTO\\s+"?${table}"?\\s*\\(`, 'i').test(body);

/** Statements of a trigger body; only simple bodies (no quoted `;`) are split, else null. */
function splitBody(body: string): string[] | null {
  if (/'[^']*;[^']*'/.test(body)) return null;
  const parts = body
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.length ? parts : null;
}

function planFor(db: Database, table: string, key: string, trigger: TriggerInfo, fts: string[]): Plan | null {
  const target = fts.find((t) => writesTo(trigger.body, t));
  if (!target) return null;
  const ftsSql = fts5Tables(db).find((t) => t.name === target)?.sql ?? '';
  const external = new RegExp(`content\\s*=\\s*'?"?${table}'?"?`, 'i').test(ftsSql);
  const newRefs = trigger.body.match(/\bnew\.\w+/gi) ?? [];
  const onlyKey = newRefs.length > 0 && newRefs.every((r) => r.toLowerCase() === `new.${key}`);
  if (trigger.timing === 'AFTER' && external && !onlyKey) return { kind: 'rebuild', trigger, fts: target };
  if (!onlyKey) return null;
  if (trigger.timing === 'BEFORE') return { kind: 'drop-before', trigger };
  const statements = splitBody(trigger.body);
  if (!statements) return null;
  return { kind: 'per-key', trigger, statements: statements.map((s) => s.replace(/\bnew\.\w+/gi, '@key')) };
}

/**
 * Starts bulk loading into `table`, whose rows belong to parents named by column `key` (visits of
 * companies). The parents must have no rows in `table` yet: a BEFORE trigger that would remove a
 * parent's earlier index entry is skipped, since there is none.
 */
export function beginBulkLoad(db: Database, table: string, key: string): BulkSession {
  const fts = fts5Tables(db);
  const names = fts.map((t) => t.name);
  // Secure-delete overwrites index pages for every removed word: right for a consultant's data,
  // pointless for intermediate states of generated text that never leave this transaction.
  const secure = names.filter((t) => {
    const row = db.prepare(`SELECT v FROM "${t}_config" WHERE k = 'secure-delete'`).get() as { v: number } | undefined;
    return row?.v === 1;
  });
  for (const t of secure) db.prepare(`INSERT INTO "${t}"("${t}", rank) VALUES ('secure-delete', 0)`).run();

  const plans: Plan[] = [];
  const kept: string[] = [];
  for (const trigger of insertTriggers(db, table)) {
    if (!names.some((t) => writesTo(trigger.body, t))) continue;
    const plan = planFor(db, table, key, trigger, names);
    if (plan) plans.push(plan);
    else kept.push(trigger.name);
  }
  // Prepare the replays before dropping anything: a body this cannot run leaves the trigger in place.
  const replays: Statement[][] = [];
  for (const p of plans) {
    if (p.kind === 'per-key') replays.push(p.statements.map((s) => db.prepare(s)));
  }
  for (const p of plans) db.exec(`DROP TRIGGER "${p.trigger.name}"`);

  return {
    kept,
    finish(keys) {
      for (const p of plans) {
        if (p.kind === 'rebuild') db.prepare(`INSERT INTO "${p.fts}"("${p.fts}") VALUES ('rebuild')`).run();
      }
      const keyList = [...keys];
      for (const statements of replays) {
        for (const k of keyList) for (const s of statements) s.run({ key: k });
      }
      for (const p of plans) db.exec(p.trigger.sql);
      for (const t of secure) db.prepare(`INSERT INTO "${t}"("${t}", rank) VALUES ('secure-delete', 1)`).run();
    },
  };
}
