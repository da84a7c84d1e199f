import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/** The names 0010 seeded, copied here: a shipped migration must not change when the seed list does. */
const SEEDED = [
  ['vaeksthus', 'Væksthus Midtjylland'],
  ['erhvervshus', 'Erhvervshus Midtjylland'],
  ['lag', 'LAG Randers-Favrskov'],
  ['lag', 'LAG Djursland'],
  ['lag', 'LAG Struer-Holstebro'],
  ['lag', 'LAG Thy-Mors'],
  ['lag', 'LAG Fjordlandet (Skive)'],
  ['knowledge_institution', 'Alexandra Instituttet'],
  ['knowledge_institution', 'Aarhus Universitet, AU Foulum'],
] as const;

/** A uuid (version 5 layout) derived from a name: the same seed gets the same uuid in every database. */
export function seedUuid(type: string, name: string): string {
  const h = createHash('sha1').update(`bindeled-seed:${type}:${name}`).digest('hex');
  const variant = ((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/**
 * Caseload files and spreadsheet import:
 * - the column mapping a user chose, remembered per header layout, so the next file from the same
 *   spreadsheet maps itself;
 * - a history of imports (who, when, which file by hash, what it did), for the audit trail;
 * - stable uuids (and one fixed creation stamp) for the organisations seeded in 0010, so a caseload
 *   file written from one database refers to the same Væksthus or LAG in another, and the seeds
 *   read the same in every database (they had a random uuid and the creation time of each file).
 */
function up(db: Database): void {
  db.exec(`
    CREATE TABLE import_mappings (
      signature TEXT PRIMARY KEY CHECK (length(signature) = 64),
      headers TEXT NOT NULL CHECK (json_valid(headers)),
      mapping TEXT NOT NULL CHECK (json_valid(mapping)),
      used_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE import_runs (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      file_name TEXT NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('caseload', 'csv', 'xlsx')),
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      added INTEGER NOT NULL CHECK (added >= 0),
      updated INTEGER NOT NULL CHECK (updated >= 0),
      unchanged INTEGER NOT NULL CHECK (unchanged >= 0),
      skipped INTEGER NOT NULL CHECK (skipped >= 0)
    ) STRICT;
    CREATE INDEX import_runs_at ON import_runs(at);
  `);
  const update = db.prepare(
    `UPDATE organisations SET uuid = ?, created_at = '2000-01-01T00:00:00Z' WHERE type = ? AND name = ?`,
  );
  for (const [type, name] of SEEDED) update.run(seedUuid(type, name), type, name);
}

export const interop: Migration = { version: 40, name: 'interop', up };
