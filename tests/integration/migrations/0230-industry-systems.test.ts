import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/db/migrate';
import { type DatabaseAt, databaseAt, kept, rowsOf, schemaChange, schemaObjects } from './schema-at';

/** Migration 230 keeps a firm's industry system to DB07 or DB25 and moves register firms read from 2025 to DB25. */
let at: DatabaseAt | undefined;
afterEach(() => at?.close());

const ids = (db: DatabaseAt['db']) => db.prepare('SELECT id FROM companies ORDER BY id').pluck().all() as number[];

describe('migration 230 on a schema-220 database', () => {
  it('adds the two guards and keeps every row, the firms typed in before still DB07', () => {
    at = databaseAt(220);
    const { db } = at;
    const before = schemaObjects(db);
    const rows = rowsOf(db, ['companies', 'visits', 'contacts', 'company_register']);
    migrate(db, 230);
    expect(schemaChange(before, schemaObjects(db))).toEqual({
      added: ['trigger companies_industry_system_insert', 'trigger companies_industry_system_update'],
      removed: [],
      changed: [],
    });
    expect(rowsOf(db, ['companies', 'visits', 'contacts', 'company_register'])).toEqual(kept(rows));
    expect(db.prepare('SELECT DISTINCT industry_system FROM companies').pluck().all()).toEqual(['DB07']);
  });

  it('writes odd spellings as the code, moves register codes read from 2025 to DB25, and refuses any other system', () => {
    at = databaseAt(220);
    const { db } = at;
    // The fixture's three firms and a fourth, added the way schema 220 stored one.
    db.prepare(`INSERT INTO companies(uuid, record_type, name, name_sort, industry_code, created_at, updated_at)
      VALUES ('fourth', 'unregistered', 'Fjerde', 'fjerde', '478100', 'x', 'x')`).run();
    const [a, b, c, fourth] = ids(db);
    const set = db.prepare('UPDATE companies SET industry_system = ?, industry_code = ? WHERE id = ?');
    set.run('db25', '621000', a);
    set.run('NACE', '011100', b);
    set.run('DB07', '478100', c);
    set.run('DB07', '478100', fourth);
    const register = db.prepare('INSERT INTO company_register(company_id, register_values, read_at) VALUES (?, ?, ?)');
    // The register gave firm c its code in 2026; firm "fourth" was read in 2024, before the move.
    register.run(c, JSON.stringify({ industry_code: '478100' }), '2026-12-01T10:00:00Z');
    register.run(fourth, JSON.stringify({ industry_code: '478100' }), '2024-06-01T10:00:00Z');

    migrate(db, 230);
    const system = db.prepare('SELECT industry_system FROM companies WHERE id = ?').pluck();
    expect([a, b, c, fourth].map((id) => system.get(id))).toEqual(['DB25', 'DB07', 'DB25', 'DB07']);
    expect(() => db.prepare(`UPDATE companies SET industry_system = 'NACE' WHERE id = ?`).run(a)).toThrow(
      /industry_system_unknown/,
    );
    expect(() =>
      db
        .prepare(`INSERT INTO companies(uuid, record_type, name, name_sort, industry_system, created_at, updated_at)
          VALUES ('x', 'unregistered', 'X', 'x', 'DB93', 'x', 'x')`)
        .run(),
    ).toThrow(/industry_system_unknown/);
  });
});
