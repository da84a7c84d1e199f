import type { Database } from 'better-sqlite3';
import { all, get } from '../db/sql';
import { message } from '../messages';

/**
 * Where a company's personal data lives, table by table, and what anonymisation does with it.
 * Hard delete needs none of this (ON DELETE CASCADE removes the rows); anonymisation keeps the
 * rows, so the programme report still counts them, and blanks the text a person could be
 * recognised by. A test fails when a table with a `company_id` column is missing here, so a new
 * table gets a decision instead of silently keeping personal data.
 */
export interface AnonymiseRule {
  /** WHERE clause selecting the company's rows; `?` is the company id. */
  rows: string;
  /** Column → placeholder text, or null to empty it. */
  set?: Record<string, string | null>;
  /** The rows carry nothing countable: delete them. */
  delete?: boolean;
}

/** Anonymised and erased data is stored, so it is written in Danish whatever the UI language. */
export const PLACEHOLDER = message('privacy.anonymised.placeholder');

export const ANONYMISE_RULES: Record<string, AnonymiseRule> = {
  contacts: {
    rows: 'company_id = ?',
    set: { name: message('privacy.anonymised.contact'), role: null, phone: null, email: null },
  },
  visits: {
    rows: 'company_id = ?',
    set: { location: null, business_description: null, needs_text: null, next_steps: null, notes: null },
  },
  followups: { rows: 'company_id = ?', set: { title: message('privacy.anonymised.followup'), description: null } },
  form_drafts: { rows: 'company_id = ?', delete: true },
  referrals: {
    rows: 'company_id = ?',
    set: {
      reason: PLACEHOLDER,
      needs_text: null,
      background: null,
      local_actions: null,
      requested_action: null,
      outcome_note: null,
      case_ref: null,
    },
  },
  lag_applications: {
    rows: 'company_id = ?',
    set: {
      title: message('privacy.anonymised.lagApplication'),
      purpose: null,
      activities: null,
      effect_products: null,
      effect_other: null,
      other_public_source: null,
    },
  },
  lag_budget_lines: {
    rows: 'application_id IN (SELECT id FROM lag_applications WHERE company_id = ?)',
    set: { description: PLACEHOLDER, supplier: null, quote_ref: null },
  },
  knowledge_contacts: {
    rows: 'company_id = ?',
    set: { person_name: message('privacy.anonymised.person'), topic: null, outcome: null },
  },
  documents: { rows: 'company_id = ?', set: { path: PLACEHOLDER, file_name: PLACEHOLDER } },
  // A business plan or a set of accounts is about the people behind the firm and counts nothing.
  attachments: { rows: 'company_id = ?', delete: true },
  // The amounts and dates stay: a grantor must still be able to check the firm's de minimis total.
  de_minimis_aid: { rows: 'company_id = ?', set: { note: null } },
  // What the CVR register said last (a sole trader's name and address among it): only the next
  // extract's comparison needs it, and that extract brings it back while the firm is registered.
  company_register: { rows: 'company_id = ?', delete: true },
};

/** Tables with a `company_id` that hold nothing personal beyond the link, or that privacy code handles itself. */
// Tags are the office's shared words for finding firms ("Fødevarer"), not facts about a person.
export const NOTHING_PERSONAL = new Set([
  'companies',
  'network_members',
  'company_privacy',
  'audit_log',
  'access_log',
  'company_tags',
]);

/** Audit and log JSON keeps only keys that say what happened, not who it was about. */
const SAFE_KEY = /(_at|_on|_date|_id|_code|_ore|_bp|_minutes|_time)$/;
const SAFE_KEYS = new Set([
  'id',
  'status',
  'type',
  'kind',
  'record_type',
  'legal_form',
  'industry_system',
  'employees',
  'founded',
  'date',
  'potential',
  'advice_given',
  'outcome',
  'need',
  'needs',
  'food_processing',
  'own_hours',
  'effect_jobs',
  'active',
  'is_owner',
  'position',
  'attendees',
  'isOwner',
  'kommuneCode',
  'industryCode',
  'legalForm',
  'recordType',
  'createdAt',
  'updatedAt',
]);

export function isSafeKey(key: string): boolean {
  return SAFE_KEYS.has(key) || SAFE_KEY.test(key);
}

/** Keeps only the keys of a JSON object that carry no personal data; other JSON becomes null. */
export function keepSafeKeys(json: string | null): string | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (isSafeKey(k)) out[k] = v;
    return JSON.stringify(out);
  } catch {
    return null;
  }
}

export function tableExists(db: Database, table: string): boolean {
  return get(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]) !== undefined;
}

export function columnsOf(db: Database, table: string): Array<{ name: string; type: string; notnull: number }> {
  return db.pragma(`table_info(${JSON.stringify(table)})`) as Array<{ name: string; type: string; notnull: number }>;
}

/** Ordinary tables (not FTS shadow tables or SQLite's own) that have a `company_id` column. */
export function tablesWithCompanyId(db: Database): string[] {
  return all<{ name: string }>(
    db,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
  )
    .map((r) => r.name)
    .filter((t) => !isFtsShadow(db, t) && columnsOf(db, t).some((c) => c.name === 'company_id'));
}

export function ftsTables(db: Database): string[] {
  return all<{ name: string }>(
    db,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' AND lower(sql) LIKE '%using fts5%'",
  ).map((r) => r.name);
}

function isFtsShadow(db: Database, table: string): boolean {
  return ftsTables(db).some(
    (f) => /^_(data|idx|content|docsize|config)$/.test(table.slice(f.length)) && table.startsWith(f),
  );
}

function secureDeleteOn(db: Database, fts: string): boolean {
  const row = get<{ v: unknown }>(db, `SELECT v FROM "${fts}_config" WHERE k = 'secure-delete'`);
  return Number(row?.v ?? 0) === 1;
}

/** Above this many companies in one erasure, one index rewrite beats deleting word by word. */
export const BULK_ERASURE = 5;

/**
 * Runs `erase` so that the words of what it deletes or blanks leave the full-text indexes too.
 * FTS5 otherwise only marks a deleted row's words as deleted and keeps them in older index
 * segments until a merge, where PRAGMA secure_delete does not reach them.
 *
 * For a few companies, FTS5's secure-delete is switched on for every index that lacks it: each
 * deleted word is removed as its row goes. For many (bulk anonymisation at the end of retention),
 * that costs tens of milliseconds per visit on a large caseload, so instead secure-delete is
 * switched off, the rows change cheaply, and each index is rewritten once (`optimize`) without the
 * deleted words. Either way the settings are restored afterwards, in the same transaction.
 */
export function withFullTextErasure<T>(db: Database, companies: number, erase: () => T): T {
  const all = ftsTables(db);
  const tables = all.filter((t) => !REWRITTEN_AFTER_ERASURE.has(t));
  const before = new Map(tables.map((t) => [t, secureDeleteOn(db, t)]));
  const set = (t: string, on: boolean) =>
    db.exec(`INSERT INTO "${t}"("${t}", rank) VALUES ('secure-delete', ${on ? 1 : 0})`);
  const bulk = companies > BULK_ERASURE;
  for (const t of tables) if (before.get(t) !== !bulk) set(t, !bulk);
  const result = erase();
  for (const t of all)
    if (bulk || REWRITTEN_AFTER_ERASURE.has(t)) db.exec(`INSERT INTO "${t}"("${t}") VALUES ('optimize')`);
  for (const t of tables) if (before.get(t) !== !bulk) set(t, before.get(t) === true);
  return result;
}

/**
 * Indexes rewritten after every erasure instead of deleting word by word: the caseload's word
 * index (migration 240) re-indexes a firm by deleting and adding the same row in one statement,
 * which FTS5's secure-delete (SQLite 3.53) leaves as a corrupt index. Rewriting it costs well
 * under a second at 100,000 firms (about 30 MB).
 */
const REWRITTEN_AFTER_ERASURE = new Set(['caseload_words']);

/**
 * The texts someone could be recognised by, in the forms they are stored in (as typed, lower
 * case, JSON-escaped inside audit entries). Very short values are left out: replacing "Bo" in
 * every note would damage other companies' text.
 */
export function personalStrings(values: ReadonlyArray<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    const s = v?.trim();
    if (!s || s.length < 4) continue;
    for (const form of [s, s.toLocaleLowerCase('da'), s.toLocaleUpperCase('da')]) {
      out.add(form);
      out.add(JSON.stringify(form).slice(1, -1));
    }
  }
  // Longest first, so "Mette Jensen" goes before "Mette" would split it.
  return [...out].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of the strings in the given text columns. */
export function scrubColumns(
  db: Database,
  targets: ReadonlyArray<{ table: string; column: string }>,
  strings: readonly string[],
  replacement = message('privacy.erasedText'),
): number {
  let changed = 0;
  for (const { table, column } of targets) {
    if (!tableExists(db, table)) continue;
    const stmt = db.prepare(
      `UPDATE "${table}" SET "${column}" = replace("${column}", ?, ?) WHERE instr("${column}", ?) > 0`,
    );
    for (const s of strings) changed += stmt.run(s, replacement, s).changes;
  }
  return changed;
}

/** Log tables that may mention a company in free text after its own rows are gone. */
export const LOG_TEXT_COLUMNS = [
  { table: 'audit_log', column: 'before' },
  { table: 'audit_log', column: 'after' },
  { table: 'audit_log', column: 'reason' },
  { table: 'access_log', column: 'detail' },
] as const;
