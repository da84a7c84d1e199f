import type { Database } from 'better-sqlite3';
import { get } from '../db/sql';
import { listConsultants } from '../reference/reference-data';
import type { Consultant } from '../reference/reference-types';
import { myName } from '../settings/settings-repo';

/**
 * "Me": the consultant whose name is the one in settings (`user.name`, also the audit log's
 * actor) or given with the CLI's `--as`. Null when no name is set or nobody by that name has been
 * recorded yet.
 */
export function currentConsultant(db: Database): Consultant | null {
  const name = myName(db);
  if (!name) return null;
  const row = get<{ id: number }>(db, 'SELECT id FROM consultants WHERE name = ?', [name]);
  if (!row) return null;
  return listConsultants(db).find((c) => c.id === row.id) ?? null;
}

export function consultantExists(db: Database, id: number): boolean {
  return get(db, 'SELECT 1 FROM consultants WHERE id = ?', [id]) !== undefined;
}
