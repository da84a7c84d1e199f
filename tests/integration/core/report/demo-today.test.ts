import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  FollowUpPage,
  GeneratedDocument,
  LagApplication,
  ProgrammeReport,
  Referral,
  ReportExportResult,
  ReportSettings,
} from '../../../../src-main/api/contract';
import { shippedResource } from '../../../../src-main/core/app/paths';
import { DOCUMENT_KINDS } from '../../../../src-main/core/documents/document-schema';
import { addDays } from '../../../../src-main/core/domain/clock-time';
import { importInOneGo } from '../../../../src-main/core/interop/import-service';
import { DEMO_FILE } from '../../../../src-main/core/report/demo-programme';
import { todayIso } from '../../../../src-shared/format/dates';
import { docxParagraphs } from '../../../helpers/documents-fixtures';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

const today = todayIso();
let store: TestStore;
beforeAll(async () => {
  store = openTestStore();
  await store.call('demo.create', {});
});
afterAll(() => store.close());

const n = (sql: string, ...params: unknown[]) =>
  store.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

describe('a fresh demo', () => {
  it('is whole or not there: a failure in the present day undoes the import', async () => {
    const other = openTestStore();
    try {
      const failing = () => {
        throw new Error('present day failed');
      };
      await expect(
        importInOneGo(other.db, shippedResource(DEMO_FILE), {}, 'abort', { inSameWrite: failing }),
      ).rejects.toThrow('present day failed');
      expect(other.db.prepare('SELECT count(*) FROM companies').pluck().get()).toBe(0);
      expect(other.db.prepare('SELECT count(*) FROM import_runs').pluck().get()).toBe(0);
    } finally {
      other.close();
    }
  });

  it('still gives the press release for the programme year, with the present day added', async () => {
    const report = (await store.call('report.get', {
      from: '2010-10-01',
      to: '2011-10-17',
      asOf: '2011-10-17',
    })) as ProgrammeReport;
    expect(report.totals).toEqual({
      companies_contacted: 850,
      referred_vaeksthus: 81,
      vaeksthus_grants: 10,
      lag_applications: 62,
      knowledge_contacts: 118,
      networks_founded: 12,
    });
  });

  it('has overdue, due and upcoming follow-ups, planned visits and recent visits with needs', async () => {
    const page = (await store.call('followups.list', { scope: 'all', filter: 'open', limit: 200 })) as FollowUpPage;
    expect(page.counts.overdue).toBeGreaterThan(0);
    expect(page.counts.dueToday).toBeGreaterThan(0);
    expect(page.counts.upcoming).toBeGreaterThan(0);
    expect(page.rows.some((f) => f.title === 'Besøg hos virksomheden' && f.dueDate > today)).toBe(true);
    expect(n('SELECT count(*) FROM visits WHERE date BETWEEN ? AND ?', addDays(today, -30), today)).toBeGreaterThan(5);
    expect(
      n(
        'SELECT count(*) FROM visits v WHERE date >= ? AND NOT EXISTS (SELECT 1 FROM visit_needs WHERE visit_id = v.id)',
        addDays(today, -30),
      ),
    ).toBe(0);
  });

  it('has referrals waiting for an answer and LAG applications with a deadline next month', async () => {
    const referrals = (await store.call('referrals.list', {})) as Referral[];
    const waiting = referrals.filter(
      (r) => (r.status === 'sent' || r.status === 'received') && (r.sentAt ?? '') > addDays(today, -30),
    );
    expect(waiting.length).toBeGreaterThanOrEqual(4);
    const next = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const month = next.toISOString().slice(0, 7);
    const lag = (await store.call('lag.list', {})) as LagApplication[];
    const due = lag.filter((a) => a.deadline?.startsWith(month));
    expect(due.length).toBeGreaterThanOrEqual(3);
    expect(due.every((a) => a.budget.length > 0 && a.activities && a.periodStart && a.status === 'drafting')).toBe(
      true,
    );
  });

  it("has the fictional office's letterhead and signature, some letters and an audit history", () => {
    const setting = (key: string) =>
      JSON.parse(store.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string) as string;
    expect(setting('letterhead.organisation')).toContain('demo');
    expect(setting('letterhead.signatureName')).not.toBe('');
    expect(n('SELECT count(DISTINCT kind) FROM documents')).toBe(DOCUMENT_KINDS.length);
    // Besides the import's entries: what the consultant did this month, as each click records it.
    const entities = store.db
      .prepare("SELECT DISTINCT entity FROM audit_log WHERE coalesce(reason, '') NOT LIKE 'Importeret fra%'")
      .pluck()
      .all();
    expect(entities).toEqual(expect.arrayContaining(['visit', 'followup', 'referral', 'lag_application']));
  });

  it('makes every letter kind without touching Settings, read back with python-docx', async () => {
    const firm = (sql: string) => store.db.prepare(sql).pluck().get() as number;
    const sources = {
      vaeksthus: firm("SELECT company_id FROM referrals WHERE status = 'sent' ORDER BY id LIMIT 1"),
      lag: firm('SELECT company_id FROM lag_applications ORDER BY id LIMIT 1'),
      'visit-summary': firm('SELECT company_id FROM visits ORDER BY id LIMIT 1'),
      // The declaration lists whatever aid is known; a firm with a grant has some.
      deminimis: firm("SELECT company_id FROM referrals WHERE outcome = 'grant_awarded' ORDER BY id LIMIT 1"),
      // A free letter needs only the firm and the words typed.
      brev: firm('SELECT company_id FROM visits ORDER BY id LIMIT 1'),
    } as const;
    expect(Object.keys(sources).sort()).toEqual([...DOCUMENT_KINDS].sort());
    for (const kind of DOCUMENT_KINDS) {
      const letter = kind === 'brev' ? { subject: 'Tak for besøget', text: 'Vi ses til netværksmødet.' } : undefined;
      const doc = (await store.call('documents.generate', {
        kind,
        companyId: sources[kind],
        letter,
      })) as GeneratedDocument;
      const text = docxParagraphs(doc.path).join('\n');
      expect(text, kind).toContain(doc.companyName);
      expect(text, kind).toContain('Landdistriktskontoret Midt (demo)');
      expect(text, kind).not.toContain('{{');
    }
  });
});

describe('the report on a fresh demo', () => {
  const YEAR = { from: '2010-10-01', to: '2011-10-17', asOf: '2011-10-17' };

  it('knows the programme year and its targets, and the span of the data', async () => {
    const settings = (await store.call('report.settings', {})) as ReportSettings;
    expect(settings.programmeYear).toEqual({ from: YEAR.from, to: YEAR.to });
    expect(settings.targets.companies_contacted).toBe(850);
    expect(settings.dataFrom && settings.dataFrom < YEAR.from).toBe(true);
    expect((settings.dataTo ?? '') >= addDays(today, -30)).toBe(true);
  });

  it("draws the trend month by month, ending at the year's 850", async () => {
    const report = (await store.call('report.get', YEAR)) as ProgrammeReport;
    expect(report.trend.map((m) => m.month)).toEqual([
      ...['10', '11', '12'].map((m) => `2010-${m}`),
      ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => `2011-${m}`),
    ]);
    expect(report.trend.at(-1)?.companiesSoFar).toBe(850);
    expect(report.trend.reduce((sum, m) => sum + m.firstContacts, 0)).toBe(850);
    // With a kommune filter the trend counts that kommune's firms, and still ends at the figure.
    const one = (await store.call('report.get', { ...YEAR, kommuneCodes: [657] })) as ProgrammeReport;
    expect(one.trend.at(-1)?.companiesSoFar).toBe(one.totals.companies_contacted);
    expect(one.totals.companies_contacted).toBeGreaterThan(0);
    expect(one.totals.companies_contacted).toBeLessThan(850);
  });

  it('writes the trend with its target into the Word report, read back with python-docx', async () => {
    const target = path.join(store.dir, 'rapport.docx');
    const r = (await store.call('report.exportDocx', { ...YEAR, path: target })) as ReportExportResult;
    const text = docxParagraphs(r.path);
    expect(text).toContain('Virksomheder kontaktet, måned for måned');
    expect(text).toContain('Mål til og med måneden (850 om året)');
    expect(text).toContain('oktober 2011');
    // The last month's row: 850 contacted so far against 13/12 of the year's target.
    const row = text.indexOf('oktober 2011');
    expect(text.slice(row, row + 4)).toEqual(['oktober 2011', expect.any(String), '850', '921']);
  });

  it('keeps targets set in Settings and refuses a period that ends before it starts', async () => {
    const saved = (await store.call('report.setSettings', { targets: { companies_contacted: 900 } })) as ReportSettings;
    expect(saved.targets).toEqual({ companies_contacted: 900 });
    const bad = await store.dispatch('report.setSettings', { programmeYear: { from: '2011-10-17', to: '2010-10-01' } });
    expect(bad.ok).toBe(false);
    await store.call('report.setSettings', { targets: { companies_contacted: 850 } });
  });
});
