import type { Database } from 'better-sqlite3';
import { all, get, run } from '../db/sql';
import type { MessageKey } from '../messages';

/**
 * Key/value settings stored as JSON, so each setting keeps its type. The README allows changing
 * the database with `sqlite3` while Bindeled is closed, so a stored value may be plain text
 * instead of JSON, or JSON of the wrong kind: readers then get their fallback, and
 * `settingProblems` says which setting and why (for `check`, Settings and the letter preflight).
 */
type Stored = { ok: true; value: unknown } | { ok: false };

function parseStored(raw: string): Stored {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false };
  }
}

function stored(db: Database, key: string): Stored | undefined {
  const row = get<{ value: string }>(db, 'SELECT value FROM settings WHERE key = ?', [key]);
  return row ? parseStored(row.value) : undefined;
}

/** The stored value, or `fallback` when there is none or it is not JSON. Callers check its kind. */
export function getSetting<T>(db: Database, key: string, fallback: T): T {
  const s = stored(db, key);
  return s?.ok ? (s.value as T) : fallback;
}

/** A text setting, trimmed; empty when missing, not JSON or not text. */
export function getTextSetting(db: Database, key: string): string {
  const v = getSetting<unknown>(db, key, '');
  return typeof v === 'string' ? v.trim() : '';
}

export function setSetting(db: Database, key: string, value: unknown): void {
  run(db, 'INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [
    key,
    JSON.stringify(value),
  ]);
}

/** Every setting that is readable JSON; the others are left out (see `settingProblems`). */
export function allSettings(db: Database): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of all<{ key: string; value: string }>(db, 'SELECT key, value FROM settings')) {
    const s = parseStored(r.value);
    if (s.ok) out[r.key] = s.value;
  }
  return out;
}

/**
 * Who works on this connection when it is not the person named in settings: the CLI's `--as`.
 * Kept per connection, not stored, so a script acting for a colleague changes nobody's settings.
 */
const actingAs = new WeakMap<Database, string>();

export function actAs(db: Database, name: string): void {
  actingAs.set(db, name);
}

export function isActingAs(db: Database): boolean {
  return actingAs.has(db);
}

/** "Me": the name given with `--as` on this connection, else the consultant named in settings. */
export function myName(db: Database): string {
  return actingAs.get(db) ?? getTextSetting(db, 'user.name');
}

/** The name written into the audit log: me (see `myName`), else the OS user. */
export function currentActor(db: Database): string {
  return myName(db) || process.env.USER || process.env.USERNAME || 'ukendt';
}

/** What a setting must hold, and what Bindeled uses instead when it does not (both as message keys). */
export interface SettingRule {
  holds: (value: unknown) => boolean;
  notKind: MessageKey;
  fallback: MessageKey;
}

export const TEXT_SETTING: SettingRule = {
  holds: (v) => typeof v === 'string',
  notKind: 'setting.notText',
  fallback: 'setting.fallback.empty',
};

/** The settings of the person at the keyboard; the documents' and privacy's own live beside them. */
export const USER_SETTING_RULES = {
  'user.name': TEXT_SETTING,
  /** The consultant's own title ("Erhvervskonsulent"), signed under the name when no letterhead title is set. */
  'user.role': TEXT_SETTING,
  'ui.language': {
    holds: (v) => v === 'da' || v === 'en',
    notKind: 'setting.notLanguage',
    fallback: 'setting.fallback.danish',
  },
} satisfies Record<string, SettingRule>;

export interface SettingProblem {
  key: string;
  /** The stored text, shortened to fit a message. */
  stored: string;
  /** Why it cannot be used: not JSON, or not the kind the setting holds. */
  problem: MessageKey;
  /** What Bindeled uses instead. */
  fallback: MessageKey;
}

const SHOWN = 60;

/**
 * Stored settings Bindeled cannot use, in key order. Every row that is not JSON is one; a row of
 * the wrong kind only when `rules` knows its key (a newer Bindeled's setting may hold anything).
 * With `onlyRuled`, rows whose key `rules` does not list are left out altogether.
 */
export function settingProblems(
  db: Database,
  rules: Readonly<Record<string, SettingRule>>,
  onlyRuled = false,
): SettingProblem[] {
  const out: SettingProblem[] = [];
  for (const r of all<{ key: string; value: string }>(db, 'SELECT key, value FROM settings ORDER BY key')) {
    const rule = Object.hasOwn(rules, r.key) ? rules[r.key] : undefined;
    if (!rule && onlyRuled) continue;
    const s = parseStored(r.value);
    const problem = !s.ok ? 'setting.notJson' : rule && !rule.holds(s.value) ? rule.notKind : null;
    if (!problem) continue;
    const text = r.value.replace(/\s+/g, ' ');
    out.push({
      key: r.key,
      stored: text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}…` : text,
      problem,
      fallback: rule?.fallback ?? 'setting.fallback.empty',
    });
  }
  return out;
}

/** The message for one problem; quoting the free text keeps `message` from reading it as a key. */
export function settingProblemMessage(p: SettingProblem): {
  key: 'setting.malformed';
  params: Record<string, unknown>;
} {
  return {
    key: 'setting.malformed',
    params: { setting: `"${p.key}"`, stored: `«${p.stored}»`, problem: p.problem, fallback: p.fallback },
  };
}
