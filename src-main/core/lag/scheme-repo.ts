import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { insertAudited, updateAudited } from '../audit/audit-log';
import { all, camelColumns, get, nowStamp, type StoredFlags, storedColumns, storedRow, withFlags } from '../db/sql';
import { DomainError, notFound } from '../errors';
import type { SupportScheme, schemeCreateSchema, schemeFieldsSchema } from './lag-schema';

type Flags = 'ownHoursAllowed' | 'deMinimis' | 'active';
type SchemeRow = StoredFlags<SupportScheme, Flags>;

const SELECT = `SELECT ${camelColumns(['id', 'code', 'name', 'kind', 'operator', 'max_grant_bp', 'max_grant_bp_food', 'min_amount_ore', 'max_amount_ore', 'own_hours_allowed', 'de_minimis', 'valid_from', 'valid_to', 'note', 'active'])} FROM support_schemes`;

const toScheme = (r: SchemeRow): SupportScheme =>
  withFlags<SupportScheme, Flags>(r, 'ownHoursAllowed', 'deMinimis', 'active');

export function listSchemes(db: Database): SupportScheme[] {
  return all<SchemeRow>(db, `${SELECT} ORDER BY kind, valid_from, name`).map(toScheme);
}

export function getScheme(db: Database, id: number): SupportScheme {
  const row = get<SchemeRow>(db, `${SELECT} WHERE id = ?`, [id]);
  if (!row) throw notFound('entity.scheme', id);
  return toScheme(row);
}

/** The scheme of this kind that was valid on a day: the default for a new application. */
export function schemeValidOn(db: Database, kind: SupportScheme['kind'], day: string): SupportScheme | undefined {
  const row = get<SchemeRow>(
    db,
    `${SELECT} WHERE kind = ? AND active = 1
       AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)
     ORDER BY valid_from DESC LIMIT 1`,
    [kind, day, day],
  );
  return row ? toScheme(row) : undefined;
}

type Fields = Partial<z.output<typeof schemeFieldsSchema>>;

function columns(f: Fields): Record<string, unknown> {
  return storedColumns(f, {
    plain: [
      'name',
      'kind',
      'operator',
      'maxGrantBp',
      'maxGrantBpFood',
      'minAmountOre',
      'maxAmountOre',
      'validFrom',
      'validTo',
      'note',
    ],
    flags: ['ownHoursAllowed', 'deMinimis', 'active'],
  });
}

function checkValidity(from: unknown, to: unknown): void {
  if (typeof from === 'string' && typeof to === 'string' && to < from) {
    throw new DomainError('invalid_input', 'error.invalidInput', {}, [
      { field: 'validTo', message: 'validation.periodEndBeforeStart' },
    ]);
  }
}

export function createScheme(db: Database, input: z.output<typeof schemeCreateSchema>): SupportScheme {
  const id = db.transaction(() => {
    if (get(db, 'SELECT 1 FROM support_schemes WHERE code = ?', [input.code])) {
      throw new DomainError('invalid_input', 'error.invalidInput', {}, [
        { field: 'code', message: 'scheme.codeTaken' },
      ]);
    }
    checkValidity(input.validFrom, input.validTo);
    const values = { ...columns(input), code: input.code, created_at: nowStamp() };
    return insertAudited(db, { table: 'support_schemes', entity: 'support_scheme' }, values);
  })();
  return getScheme(db, id);
}

export function updateScheme(db: Database, id: number, changes: Fields): SupportScheme {
  db.transaction(() => {
    const before = storedRow(db, 'support_schemes', id, 'entity.scheme');
    const values = columns(changes);
    checkValidity(values.valid_from ?? before.valid_from, values.valid_to ?? before.valid_to);
    updateAudited(db, { table: 'support_schemes', entity: 'support_scheme', stamped: false }, id, before, values);
  })();
  return getScheme(db, id);
}
