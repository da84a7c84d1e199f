import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeReport, ReportCompanyPage } from '../../../../src-main/api/contract';
import { runCli } from '../../../../src-main/cli/run-cli';
import { isValidCvr } from '../../../../src-main/core/domain/cvr';
import { createDemoProgramme } from '../../../../tools/demo/demo-programme';
import { TRADE_TEXT } from '../../../../tools/demo/demo-text';
import { SHIPPED_DEMO_FILE, writeDemoFile } from '../../../../tools/demo/make-demo-file';
import { TRADES } from '../../../../tools/generate/danish-names';
import { openTestStore, type TestStore, tempDir } from '../../../helpers/temp-db';

const PRESS_RELEASE = {
  companies_contacted: 850,
  referred_vaeksthus: 81,
  vaeksthus_grants: 10,
  lag_applications: 62,
  knowledge_contacts: 118,
  networks_founded: 12,
};
const PERIOD = { from: '2010-10-01', to: '2011-10-17', asOf: '2011-10-17' };

let store: TestStore;
beforeAll(async () => {
  store = openTestStore();
  await store.call('demo.create', {});
});
afterAll(() => store.close());

describe('the demo programme', () => {
  it('reproduces the press release of 17.10.2011 through the real report', async () => {
    const report = (await store.call('report.get', PERIOD)) as ProgrammeReport;
    expect(report.totals).toEqual(PRESS_RELEASE);
  });

  it('gives the same figures with another seed: the rules, not the luck, make them', async () => {
    const other = openTestStore();
    try {
      createDemoProgramme(other.db, 7);
      expect(((await other.call('report.get', PERIOD)) as ProgrammeReport).totals).toEqual(PRESS_RELEASE);
    } finally {
      other.close();
    }
  });

  it('holds noise the rules must ignore', () => {
    const n = (sql: string) => store.db.prepare(sql).pluck().get() as number;
    // Firms visited more than once in the year, and firms seen only before or after it.
    expect(
      n(`SELECT count(*) FROM (SELECT company_id FROM visits WHERE date BETWEEN '2010-10-01' AND '2011-10-17'
      GROUP BY company_id HAVING count(*) > 1)`),
    ).toBeGreaterThan(100);
    expect(n(`SELECT count(DISTINCT company_id) FROM visits WHERE date < '2010-10-01'`)).toBeGreaterThan(0);
    expect(n(`SELECT count(*) FROM referrals WHERE sent_at < '2010-10-01'`)).toBeGreaterThan(0);
    expect(
      n(`SELECT count(*) FROM referrals WHERE outcome = 'grant_awarded' AND outcome_on > '2011-10-17'`),
    ).toBeGreaterThan(0);
    expect(n(`SELECT count(*) FROM networks WHERE founded_on < '2010-10-01'`)).toBeGreaterThan(0);
    expect(n(`SELECT count(*) FROM lag_applications WHERE status IN ('idea', 'drafting')`)).toBeGreaterThan(0);
  });

  it('is a realistic caseload: 19 kommuner, valid CVR numbers, owners and visit notes', () => {
    const kommuner = store.db.prepare('SELECT count(DISTINCT kommune_code) FROM companies').pluck().get();
    expect(kommuner).toBe(19);
    const cvrs = store.db.prepare('SELECT cvr FROM companies WHERE cvr IS NOT NULL').pluck().all() as string[];
    expect(cvrs.length).toBeGreaterThan(900);
    expect(cvrs.every((c) => isValidCvr(c))).toBe(true);
    expect(
      store.db
        .prepare('SELECT count(*) FROM companies c WHERE NOT EXISTS (SELECT 1 FROM contacts WHERE company_id = c.id)')
        .pluck()
        .get(),
    ).toBe(0);
    expect(store.db.prepare("SELECT count(*) FROM visits WHERE coalesce(notes, '') = ''").pluck().get()).toBe(0);
  });

  it('gives every firm its own name, and notes and LAG projects that fit its trade', () => {
    const all = <T>(sql: string) => store.db.prepare(sql).all() as T[];
    const names = all<{ name: string }>('SELECT name FROM companies').map((r) => r.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(TRADE_TEXT).toHaveLength(TRADES.length);
    // The smithy's notes speak of steel, never of food approval.
    const smithyNotes = all<{ notes: string }>(
      "SELECT v.notes FROM visits v JOIN companies c ON c.id = v.company_id WHERE c.industry_code = '255000'",
    );
    expect(smithyNotes.length).toBeGreaterThan(10);
    expect(smithyNotes.filter((n) => /fødevare|værelse|bryg|\bost/i.test(n.notes))).toEqual([]);
    const lag = all<{ title: string; industry: string }>(
      'SELECT a.title, c.industry_code AS industry FROM lag_applications a JOIN companies c ON c.id = a.company_id',
    );
    // The present-day slice's applications are a second phase of the same project ("Fase 2: …").
    for (const a of lag)
      expect(a.title.replace(/^Fase 2: /, '')).toBe(
        TRADE_TEXT[TRADES.findIndex((t) => t.industry === a.industry)]?.lag.title,
      );
  });

  it('has visits with needs and LAG applications complete enough for the LAG draft', () => {
    const n = (sql: string) => store.db.prepare(sql).pluck().get() as number;
    expect(n('SELECT count(DISTINCT visit_id) FROM visit_needs')).toBe(n('SELECT count(*) FROM visits'));
    expect(
      n(`SELECT count(*) FROM lag_applications a WHERE activities IS NULL OR period_start IS NULL
         OR period_end IS NULL OR purpose IS NULL
         OR NOT EXISTS (SELECT 1 FROM lag_budget_lines WHERE application_id = a.id)`),
    ).toBe(0);
    // The grant asked for is covered by the budget and at most half of it.
    expect(
      n(`SELECT count(*) FROM lag_applications a WHERE grant_requested_ore + own_cash_ore !=
         (SELECT sum(amount_ore) FROM lag_budget_lines WHERE application_id = a.id)
         OR grant_requested_ore * 2 > grant_requested_ore + own_cash_ore`),
    ).toBe(0);
  });

  it('names its networks with Danish compounds', () => {
    const names = store.db.prepare('SELECT name FROM networks').pluck().all() as string[];
    expect(names.length).toBeGreaterThan(12);
    for (const name of names)
      expect(name).toMatch(/^(Gårdbutiks|Turisme|Håndværker|Fødevare|Iværksætter|Kunsthåndværker)netværket \S/);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists the 81 referred firms behind the figure', async () => {
    const page = (await store.call('report.companies', {
      ...PERIOD,
      list: 'referred_vaeksthus',
      limit: 100,
    })) as ReportCompanyPage;
    expect(page.total).toBe(81);
    expect(page.rows).toHaveLength(81);
    expect(new Set(page.rows.map((r) => r.id)).size).toBe(81);
  });

  it('refuses to write the demo into a database that holds firms', async () => {
    const r = await store.dispatch('demo.create', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('tom database');
  });
});

describe('the shipped demo file', () => {
  it('is what tools/demo writes now (run "npm run make-demo" after changing the demo or the caseload format)', async () => {
    const t = tempDir();
    try {
      const fresh = path.join(t.dir, 'demo.bindeled.json');
      await writeDemoFile(fresh);
      // The schema and app version that wrote it may move on without changing a record.
      const records = (file: string) => {
        const { generator: _written, ...rest } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
        return rest;
      };
      expect(records(SHIPPED_DEMO_FILE)).toEqual(records(fresh));
    } finally {
      t.cleanup();
    }
  });

  it("is loaded through the caseload-file import, recorded like a consultant's import", () => {
    const runs = store.db.prepare('SELECT file_name, format, added FROM import_runs').all();
    expect(runs).toEqual([
      { file_name: path.basename(SHIPPED_DEMO_FILE), format: 'caseload', added: expect.any(Number) },
    ]);
    // Every firm came in through the import; the present day's visits moved some statuses on since.
    const imported = store.db
      .prepare("SELECT count(*) FROM audit_log WHERE entity = 'company' AND action = 'create' AND reason = ?")
      .pluck()
      .get(`Importeret fra ${path.basename(SHIPPED_DEMO_FILE)}`);
    expect(imported).toBe(store.db.prepare('SELECT count(*) FROM companies').pluck().get());
  });
});

describe('the CLI', () => {
  it('creates the demo and prints the press release with report --json', async () => {
    const t = tempDir();
    const db = path.join(t.dir, 'demo.db');
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: () => {} };
    try {
      expect(await runCli(['--db', db, 'demo'], io)).toBe(0);
      out.length = 0;
      const args = [
        '--db',
        db,
        'report',
        '--from',
        '2010-10-01',
        '--to',
        '2011-10-17',
        '--as-of',
        '2011-10-17',
        '--json',
      ];
      expect(await runCli(args, io)).toBe(0);
      const json = JSON.parse(out.join('\n')) as Record<string, unknown>;
      expect(Object.keys(json).slice(0, 10)).toEqual([
        'from',
        'to',
        'as_of',
        'companies_contacted',
        'referred_vaeksthus',
        'vaeksthus_grants',
        'lag_applications',
        'knowledge_contacts',
        'networks_founded',
        'by_kommune',
      ]);
      expect(json).toMatchObject({ from: '2010-10-01', to: '2011-10-17', as_of: '2011-10-17', ...PRESS_RELEASE });
      const byKommune = json.by_kommune as Record<string, { companies_contacted: number }>;
      expect(Object.keys(byKommune)).toHaveLength(19);
      expect(Object.values(byKommune).reduce((s, v) => s + v.companies_contacted, 0)).toBe(850);
      const errors: string[] = [];
      expect(await runCli(['--db', db, 'demo'], { out: () => {}, err: (l) => errors.push(l) })).toBe(1);
      expect(errors.join('\n')).toContain('tom database');
    } finally {
      t.cleanup();
    }
  });
});
