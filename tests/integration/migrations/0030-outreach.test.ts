import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/db/migrate';
import { tempDir } from '../../helpers/temp-db';

let cleanup = () => {};
afterEach(() => cleanup());

/** A database as the version before migration 30 left it, with a company and a visit in it. */
function databaseAt20() {
  const t = tempDir();
  cleanup = t.cleanup;
  const db = new BetterSqlite3(path.join(t.dir, 'caseload.db'));
  db.pragma('foreign_keys = ON');
  migrate(db, 20);
  db.prepare(
    `INSERT INTO companies(id, uuid, record_type, cvr, name, name_sort, created_at, updated_at)
     VALUES (1, 'c1', 'registered', '13748136', 'Smedjen', 'smedjen', 'x', 'x')`,
  ).run();
  db.prepare(
    `INSERT INTO visits(uuid, company_id, date, type, created_at, updated_at)
     VALUES ('v1', 1, '2011-10-03', 'visit', 'x', 'x')`,
  ).run();
  return db;
}

describe('migration 30 (referrals, LAG, schemes, knowledge, networks, documents)', () => {
  it('adds its tables to a database made by migration 20 and keeps what was there', () => {
    const db = databaseAt20();
    migrate(db, 30);
    expect(db.pragma('user_version', { simple: true })).toBe(30);
    expect(db.prepare('SELECT name FROM companies').all()).toEqual([{ name: 'Smedjen' }]);
    expect(db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 1 });
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'support_schemes',
        'referrals',
        'lag_applications',
        'lag_budget_lines',
        'knowledge_contacts',
        'networks',
        'network_members',
        'network_meetings',
        'documents',
      ]),
    );
    const schemes = db.prepare('SELECT code, max_grant_bp, max_grant_bp_food FROM support_schemes ORDER BY id').all();
    expect(schemes).toEqual([
      { code: 'lag_erhverv_2007', max_grant_bp: 5000, max_grant_bp_food: 4000 },
      { code: 'lag_erhverv_2014', max_grant_bp: 5000, max_grant_bp_food: 4000 },
      { code: 'vaeksthus_specialraadgivning', max_grant_bp: 5000, max_grant_bp_food: null },
      { code: 'erhvervshus_raadgivning', max_grant_bp: 5000, max_grant_bp_food: null },
    ]);
    db.close();
  });

  it('guards its rules in the schema too: a sent referral has a date, money is whole øre and never negative', () => {
    const db = databaseAt20();
    migrate(db, 30);
    const org = (db.prepare("SELECT id FROM organisations WHERE type = 'vaeksthus'").get() as { id: number }).id;
    const referral = db.prepare(
      `INSERT INTO referrals(uuid, company_id, organisation_id, reason, status, sent_at, outcome, outcome_amount_ore,
         outcome_on, created_at, updated_at) VALUES (?, 1, ?, 'r', ?, ?, ?, ?, ?, 'x', 'x')`,
    );
    expect(() => referral.run('a', org, 'sent', null, null, null, null)).toThrow(/CHECK/);
    expect(() => referral.run('b', org, 'sent', '2011-10-17', 'grant_awarded', null, null)).toThrow(/CHECK/);
    expect(() => referral.run('c', org, 'sent', '2011-10-17', 'grant_awarded', 12.5, '2012-01-01')).toThrow(
      /cannot store REAL/,
    );
    referral.run('d', org, 'sent', '2011-10-17', 'grant_awarded', 5_000_000, '2012-01-09');
    const lag = (db.prepare("SELECT id FROM organisations WHERE type = 'lag'").get() as { id: number }).id;
    const app = db.prepare(
      `INSERT INTO lag_applications(uuid, company_id, lag_id, title, grant_requested_ore, created_at, updated_at)
       VALUES (?, 1, ?, 't', ?, 'x', 'x')`,
    );
    expect(() => app.run('a', lag, -1)).toThrow(/CHECK/);
    app.run('b', lag, 0);
    // The firm's rows go with it when it is erased.
    db.prepare('DELETE FROM companies WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM referrals').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM lag_applications').get()).toEqual({ n: 0 });
    db.close();
  });
});
