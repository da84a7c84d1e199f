import crypto from 'node:crypto';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src-main/cli/run-cli';
import { openDatabase } from '../../../../src-main/core/db/open';
import { isValidCvr } from '../../../../src-main/core/domain/cvr';
import { type CaseloadGenResult, generateCaseload } from '../../../../tools/generate/generate-caseload';
import { runGenerate } from '../../../../tools/generate/generate-cli';
import { wordCount } from '../../../../tools/generate/generate-text';
import { Random } from '../../../../tools/generate/random';
import { openTestStore, tempDir } from '../../../helpers/temp-db';

const TO = '2012-12-31';

function fresh(companies: number, seed: number, bulkIndexes = true): { db: Database; result: CaseloadGenResult } {
  const db = openDatabase(':memory:');
  return { db, result: generateCaseload(db, { companies, seed, to: TO, bulkIndexes }) };
}

/** A digest of every generated row, so two runs can be compared in one assertion. */
function digest(db: Database): string {
  const hash = crypto.createHash('sha256');
  for (const table of ['companies', 'contacts', 'visits', 'followups', 'referrals', 'lag_applications', 'networks']) {
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY id`).raw().iterate())
      hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

const ids = (db: Database, sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .all(...params) as number[];

describe('the caseload generator', () => {
  let db: Database;
  let result: CaseloadGenResult;
  beforeAll(() => ({ db, result } = fresh(600, 7)));
  afterAll(() => db.close());

  it('gives the same caseload for the same seed, and another for another seed', () => {
    const again = fresh(600, 7);
    const other = fresh(600, 8);
    expect(digest(again.db)).toBe(digest(db));
    expect(digest(other.db)).not.toBe(digest(db));
    again.db.close();
    other.db.close();
  });

  it('writes firms with valid, distinct CVR numbers and an owner shown in the caseload', () => {
    const cvrs = db.prepare('SELECT cvr FROM companies WHERE cvr IS NOT NULL').pluck().all() as string[];
    expect(result.companies).toBe(600);
    expect(cvrs.length).toBeGreaterThan(500);
    expect(cvrs.every(isValidCvr)).toBe(true);
    expect(new Set(cvrs).size).toBe(cvrs.length);
    const withoutOwner = db
      .prepare(
        `SELECT count(*) FROM companies c WHERE c.owner_name IS NOT
          (SELECT name FROM contacts o WHERE o.company_id = c.id ORDER BY o.is_owner DESC, o.id LIMIT 1)
          OR c.owner_name IS NULL`,
      )
      .pluck()
      .get();
    expect(withoutOwner).toBe(0);
  });

  it('gives firms about three visits each, with notes of 50–500 words after the firm was found', () => {
    expect(result.visits / result.companies).toBeGreaterThan(2.6);
    expect(result.visits / result.companies).toBeLessThan(3.4);
    const notes = db.prepare('SELECT notes FROM visits').pluck().all() as string[];
    const counts = notes.map(wordCount);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...counts)).toBeLessThanOrEqual(500);
    expect(Math.max(...counts)).toBeGreaterThan(400);
    const early = db
      .prepare(`SELECT count(*) FROM visits v JOIN companies c ON c.id = v.company_id
        WHERE v.date < substr(c.created_at, 1, 10) OR v.date > ?`)
      .pluck()
      .get(TO);
    expect(early).toBe(0);
    // The triggers kept each firm's last contact, as they do for visits typed in the app.
    const wrong = db
      .prepare(
        'SELECT count(*) FROM companies c WHERE c.last_contact IS NOT (SELECT max(date) FROM visits WHERE company_id = c.id)',
      )
      .pluck()
      .get();
    expect(wrong).toBe(0);
  });

  it('adds follow-ups, referrals, LAG applications, knowledge contacts and networks at the programme’s shares', () => {
    expect(result.skipped).toEqual([]);
    expect(result.followups).toBeGreaterThan(result.visits * 0.3);
    const visited = ids(db, 'SELECT DISTINCT company_id FROM visits').length;
    expect(result.referrals / visited).toBeGreaterThan(0.05);
    expect(result.referrals / visited).toBeLessThan(0.16);
    expect(result.lagApplications).toBeGreaterThan(0);
    expect(result.lagBudgetLines).toBeGreaterThanOrEqual(result.lagApplications * 2);
    expect(result.knowledgeContacts / visited).toBeGreaterThan(0.08);
    expect(result.networks).toBe(Math.round(600 * (12 / 850)));
    expect(result.networkMembers).toBeGreaterThanOrEqual(result.networks * 4);
    const stray = db
      .prepare(`SELECT count(*) FROM network_members m JOIN networks n ON n.id = m.network_id
        JOIN companies c ON c.id = m.company_id WHERE c.kommune_code IS NOT n.kommune_code`)
      .pluck()
      .get();
    expect(stray).toBe(0);
  });

  it('leaves a database that passes the integrity and foreign key checks', () => {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.exec("INSERT INTO visits_fts(visits_fts) VALUES ('integrity-check')")).not.toThrow();
  });
});

describe('a generated caseload as data a consultant could have typed', () => {
  it('passes the app’s own checks: its CSV export imports into an empty caseload without a refused row', async () => {
    const source = openTestStore();
    const target = openTestStore();
    try {
      generateCaseload(source.db, { companies: 150, seed: 4 });
      const csv = path.join(source.dir, 'firms.csv');
      await source.call('interop.export', { format: 'csv', path: csv, scope: { kind: 'all' } });
      const preview = (await target.call('interop.preview', { path: csv })) as {
        totals: { add: number; invalid: number };
      };
      expect(preview.totals).toMatchObject({ add: 150, invalid: 0 });
      const closed = source.db
        .prepare("SELECT count(*) FROM companies WHERE status = 'closed' AND status_reason IS NULL")
        .pluck()
        .get();
      expect(closed).toBe(0);
    } finally {
      source.close();
      target.close();
    }
  });
});

describe('building the text indexes in bulk', () => {
  const words = ['eksport', 'solcelleanlæg', 'kunder', 'generationsskifte', 'havtorn'];
  const search = (db: Database) =>
    words.map((w) => [
      ids(db, 'SELECT rowid FROM visits_fts WHERE visits_fts MATCH ? ORDER BY rowid', w),
      ids(db, 'SELECT rowid FROM company_notes_fts WHERE company_notes_fts MATCH ? ORDER BY rowid', w),
    ]);

  it('finds the same visits and firms as indexing row by row, also after later edits', () => {
    const bulk = fresh(150, 3, true);
    const rowByRow = fresh(150, 3, false);
    expect(search(bulk.db)).toEqual(search(rowByRow.db));
    expect(search(bulk.db).flat(2).length).toBeGreaterThan(50);
    // The schema's triggers take over afterwards: deleting and editing visits keeps both indexes right.
    for (const { db } of [bulk, rowByRow]) {
      const rare = ids(db, 'SELECT rowid FROM visits_fts WHERE visits_fts MATCH ? ORDER BY rowid', 'solcelleanlæg');
      db.prepare('DELETE FROM visits WHERE id = ?').run(rare[0]);
      db.prepare("UPDATE visits SET notes = 'Havtorn og eksport' WHERE id = ?").run(rare[1] ?? 1);
    }
    expect(search(bulk.db)).toEqual(search(rowByRow.db));
    const secure = (db: Database) =>
      db.prepare("SELECT v FROM company_notes_fts_config WHERE k = 'secure-delete'").pluck().get();
    expect(secure(bulk.db)).toBe(secure(rowByRow.db));
    bulk.db.close();
    rowByRow.db.close();
  });

  it('leaves the same firm and contact indexes and owner names as writing row by row', () => {
    const derived = (db: Database) => ({
      companies: db.prepare('SELECT rowid, name, cvr, city FROM companies_fts ORDER BY rowid').all(),
      contacts: db.prepare('SELECT rowid, names FROM company_contacts_fts ORDER BY rowid').all(),
      owners: db.prepare('SELECT id, owner_name FROM companies ORDER BY id').all(),
      triggers: db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all(),
    });
    const bulk = fresh(150, 6, true);
    const rowByRow = fresh(150, 6, false);
    expect(derived(bulk.db)).toEqual(derived(rowByRow.db));
    for (const t of ['companies_fts', 'company_contacts_fts', 'visits_fts', 'company_notes_fts']) {
      expect(() => bulk.db.exec(`INSERT INTO ${t}(${t}) VALUES ('integrity-check')`)).not.toThrow();
    }
    bulk.db.close();
    rowByRow.db.close();
  });
});

describe('the seeded random source', () => {
  it('makes version 4 UUIDs and favours the low end when skewed', () => {
    const rng = new Random(42);
    const uuids = Array.from({ length: 200 }, () => rng.uuid());
    expect(uuids.every((u) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u))).toBe(
      true,
    );
    expect(new Set(uuids).size).toBe(200);
    const draws = Array.from({ length: 2000 }, () => rng.skewedInt(50, 500));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...draws)).toBeLessThanOrEqual(500);
    expect(mean).toBeGreaterThan(170);
    expect(mean).toBeLessThan(240);
  });
});

describe('npm run generate', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());
  const db = path.join(t.dir, 'demo.db');
  const run = async (runner: typeof runCli, args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runner(['--db', db, ...args], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const generate = (...args: string[]) => run(runGenerate, args);
  const cli = (...args: string[]) => run(runCli, args);

  it('fills an empty database and refuses one that already holds firms', async () => {
    const first = await generate('--companies', '40', '--seed', '5', '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ companies: 40, seed: 5 });
    const listed = await cli('companies', 'list', '--json');
    expect(JSON.parse(listed.out)).toHaveLength(40);
    const again = await generate('--companies', '40');
    expect(again.code).toBe(1);
    expect(again.err).toContain('indeholder allerede 40 virksomheder');
    expect((await generate('--companies', 'mange')).code).toBe(2);
  });
});
