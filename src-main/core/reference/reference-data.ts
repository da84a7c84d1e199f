import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { all, get, nowStamp, run } from '../db/sql';
import type { OrganisationType } from '../domain/organisations';
import { lookupPostcode } from '../domain/postcodes';
import type { Consultant, Kommune, Organisation } from './reference-types';

export function listKommuner(db: Database): Kommune[] {
  return all<{ code: number; name: string; participating: number }>(db, 'SELECT * FROM kommuner ORDER BY name').map(
    (k) => ({
      code: k.code,
      name: k.name,
      participating: k.participating === 1,
    }),
  );
}

export function listConsultants(db: Database): Consultant[] {
  return all<{ id: number; uuid: string; name: string; initials: string | null; email: string | null; active: number }>(
    db,
    'SELECT id, uuid, name, initials, email, active FROM consultants ORDER BY name',
  ).map((c) => ({ ...c, active: c.active === 1 }));
}

/** Returns the consultant with this name, creating it: consultants are named, not administered. */
export function ensureConsultant(db: Database, name: string, initials?: string): Consultant {
  const existing = get<{ id: number }>(db, 'SELECT id FROM consultants WHERE name = ?', [name]);
  if (!existing) {
    run(db, 'INSERT INTO consultants(uuid, name, initials, created_at) VALUES (?, ?, ?, ?)', [
      randomUUID(),
      name,
      initials ?? initialsOf(name),
      nowStamp(),
    ]);
  }
  const found = listConsultants(db).find((c) => c.name === name);
  if (!found) throw new Error(`consultant ${name} vanished`);
  return found;
}

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => p[0]?.toUpperCase())
    .join('')
    .slice(0, 4);
}

export function listOrganisations(db: Database): Organisation[] {
  return all<{
    id: number;
    uuid: string;
    name: string;
    type: OrganisationType;
    city: string | null;
    valid_from: string | null;
    valid_to: string | null;
    note: string | null;
    active: number;
  }>(db, 'SELECT * FROM organisations ORDER BY type, name').map((o) => ({
    id: o.id,
    uuid: o.uuid,
    name: o.name,
    type: o.type,
    city: o.city,
    validFrom: o.valid_from,
    validTo: o.valid_to,
    note: o.note,
    active: o.active === 1,
  }));
}

export function suggestFromPostcode(postcode: string): { city: string; kommuneCode: number } | null {
  const info = lookupPostcode(postcode);
  return info ? { city: info.city, kommuneCode: info.kommuneCode } : null;
}
