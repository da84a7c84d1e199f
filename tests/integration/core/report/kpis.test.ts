import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src-main/core/db/open';
import { sectionOf } from '../../../../src-main/core/report/industry-sections';
import { reportCompanies } from '../../../../src-main/core/report/report-companies';
import { programmeReport } from '../../../../src-main/core/report/report-query';
import { reportListSchema } from '../../../../src-main/core/report/report-schema';

let db: Database;
let seq = 0;
const stamp = '2011-01-01T00:00:00Z';
const PERIOD = { from: '2010-10-01', to: '2011-10-17', asOf: '2011-10-17' };

beforeEach(() => {
  db = openDatabase(':memory:');
  seq = 0;
});
afterEach(() => db.close());

function consultant(name: string): number {
  return Number(
    db.prepare('INSERT INTO consultants(uuid, name, created_at) VALUES (?, ?, ?)').run(`k${++seq}`, name, stamp)
      .lastInsertRowid,
  );
}

function company(
  name: string,
  opts: {
    kommune?: number;
    employees?: number;
    industry?: string;
    system?: 'DB07' | 'DB25';
    consultant?: number;
    cvr?: string;
  } = {},
): number {
  return Number(
    db
      .prepare(`INSERT INTO companies(uuid, record_type, cvr, name, name_sort, kommune_code, industry_code,
        industry_system, employees, consultant_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        `c${++seq}`,
        opts.cvr ? 'registered' : 'unregistered',
        opts.cvr ?? null,
        name,
        name.toLowerCase(),
        opts.kommune ?? 740,
        opts.industry ?? '011100',
        opts.system ?? 'DB07',
        opts.employees ?? 2,
        opts.consultant ?? null,
        stamp,
        stamp,
      ).lastInsertRowid,
  );
}

const visit = (companyId: number, date: string) =>
  db
    .prepare(`INSERT INTO visits(uuid, company_id, date, type, created_at, updated_at) VALUES (?, ?, ?, 'visit', ?, ?)`)
    .run(`v${++seq}`, companyId, date, stamp, stamp);

const org = (type: string) =>
  db.prepare('SELECT id FROM organisations WHERE type = ? LIMIT 1').pluck().get(type) as number;

function referral(companyId: number, sent: string | null, opts: { orgType?: string; grantOn?: string } = {}) {
  db.prepare(`INSERT INTO referrals(uuid, company_id, organisation_id, reason, status, sent_at, outcome,
      outcome_amount_ore, outcome_on, created_at, updated_at) VALUES (?, ?, ?, 'x', ?, ?, ?, ?, ?, ?, ?)`).run(
    `r${++seq}`,
    companyId,
    org(opts.orgType ?? 'vaeksthus'),
    sent ? (opts.grantOn ? 'closed' : 'sent') : 'draft',
    sent ? `${sent}T10:00:00Z` : null,
    opts.grantOn ? 'grant_awarded' : null,
    opts.grantOn ? 5_000_000 : null,
    opts.grantOn ?? null,
    stamp,
    stamp,
  );
}

const lag = (companyId: number, status: string, submitted: string | null) =>
  db
    .prepare(`INSERT INTO lag_applications(uuid, company_id, lag_id, title, status, submitted_at, created_at, updated_at)
      VALUES (?, ?, ?, 'Projekt', ?, ?, ?, ?)`)
    .run(`l${++seq}`, companyId, org('lag'), status, submitted, stamp, stamp);

const knowledge = (companyId: number, on: string) =>
  db
    .prepare(`INSERT INTO knowledge_contacts(uuid, company_id, person_name, type, contact_on, created_at, updated_at)
      VALUES (?, ?, 'Mentor', 'mentor', ?, ?, ?)`)
    .run(`k${++seq}`, companyId, on, stamp, stamp);

const network = (founded: string, kommune: number) =>
  db
    .prepare(
      `INSERT INTO networks(uuid, name, founded_on, kommune_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(`n${++seq}`, `Netværk ${seq}`, founded, kommune, stamp, stamp);

const totals = (q: Partial<typeof PERIOD> & Record<string, unknown> = {}) =>
  programmeReport(db, { ...PERIOD, ...q }).totals;

describe('the programme figures, one firm counted once', () => {
  it('counts a firm visited twice in the period once, and not a firm visited only outside it', () => {
    const a = company('Ådalens Gårdbutik');
    visit(a, '2010-11-02');
    visit(a, '2011-03-15');
    const b = company('Bageriet i Ry');
    visit(b, '2010-09-30');
    visit(b, '2011-10-18');
    visit(company('Sidste dag ApS'), '2011-10-17');
    expect(totals().companies_contacted).toBe(2);
  });

  it('counts a referral sent in the period, not one sent before it, nor a draft, nor one to another organisation', () => {
    referral(company('I perioden'), '2011-02-01');
    referral(company('Før perioden'), '2010-09-15');
    referral(company('Kladde'), null);
    referral(company('Til banken'), '2011-02-01', { orgType: 'knowledge_institution' });
    referral(company('Erhvervshuset'), '2011-05-01', { orgType: 'erhvervshus' });
    const twice = company('To gange');
    referral(twice, '2011-01-01');
    referral(twice, '2011-06-01');
    expect(totals().referred_vaeksthus).toBe(3);
  });

  it('counts a grant awarded by the as-of date, not one awarded after it', () => {
    referral(company('Tilskud i tide'), '2011-02-01', { grantOn: '2011-09-01' });
    referral(company('Tilskud senere'), '2011-02-01', { grantOn: '2011-11-01' });
    referral(company('Henvist før'), '2010-09-01', { grantOn: '2011-03-01' });
    expect(totals().vaeksthus_grants).toBe(1);
    expect(totals({ asOf: '2011-12-31' }).vaeksthus_grants).toBe(2);
    expect(totals({ asOf: '2011-08-31' }).vaeksthus_grants).toBe(0);
  });

  it('counts LAG applications submitted (or further) in the period, not ideas and drafts', () => {
    lag(company('Indsendt'), 'submitted', '2011-01-10');
    lag(company('Bevilget'), 'approved', '2011-04-10');
    lag(company('Idé'), 'idea', null);
    lag(company('Kladde'), 'drafting', null);
    lag(company('Indsendt før'), 'paid', '2010-05-01');
    expect(totals().lag_applications).toBe(2);
  });

  it('counts knowledge contacts per firm in the period', () => {
    const a = company('To kontakter');
    knowledge(a, '2011-01-01');
    knowledge(a, '2011-02-01');
    knowledge(company('Før'), '2010-01-01');
    expect(totals().knowledge_contacts).toBe(1);
  });

  it('counts a network founded in the period even without any visits, and not one founded before', () => {
    network('2011-03-01', 740);
    network('2010-06-01', 740);
    const r = programmeReport(db, PERIOD);
    expect(r.totals.networks_founded).toBe(1);
    expect(r.totals.companies_contacted).toBe(0);
    expect(r.breakdowns.kommune.find((k) => k.key === '740')?.values.networks_founded).toBe(1);
  });
});

describe('breakdowns, filters and lists', () => {
  it('splits by kommune, consultant, industry section and size band, each summing to the total', () => {
    const mette = consultant('Mette');
    const firms = [
      company('A', { kommune: 740, employees: 0, industry: '011100', consultant: mette }),
      company('B', { kommune: 740, employees: 3, industry: '471100' }),
      company('C', { kommune: 751, employees: 7, industry: '561010', consultant: mette }),
      company('D', { kommune: 751, employees: 12, industry: '620100' }),
    ];
    for (const f of firms) visit(f, '2011-01-05');
    const r = programmeReport(db, PERIOD);
    for (const b of ['kommune', 'consultant', 'section', 'size'] as const) {
      expect(r.breakdowns[b].reduce((s, row) => s + row.values.companies_contacted, 0)).toBe(4);
    }
    // Danish order: "Aa" is the letter Å and sorts last.
    expect(r.breakdowns.kommune.map((k) => [k.label, k.values.companies_contacted])).toEqual([
      ['Silkeborg', 2],
      ['Aarhus', 2],
    ]);
    expect(r.breakdowns.section.map((s) => s.key)).toEqual(['A', 'G', 'I', 'J']);
    expect(r.breakdowns.size.map((s) => s.key)).toEqual(['0', '1-4', '5-9', '10+']);
    expect(r.breakdowns.consultant.find((c) => c.label === 'Mette')?.values.companies_contacted).toBe(2);
    expect(totals({ kommuneCodes: [751] }).companies_contacted).toBe(2);
    expect(totals({ consultantIds: [mette] }).companies_contacted).toBe(2);
    expect(r.quality.ineligible).toBe(1);
    expect(r.quality.without_cvr).toBe(4);
  });

  it('lists the firms behind a figure and behind one bar', () => {
    const a = company('Ådalens Gårdbutik', { kommune: 740 });
    const b = company('Bageriet', { kommune: 751 });
    visit(a, '2011-01-05');
    visit(a, '2011-02-05');
    visit(b, '2011-03-05');
    const all = reportCompanies(db, reportListSchema.parse({ ...PERIOD, list: 'companies_contacted' }));
    expect(all.total).toBe(2);
    expect(all.rows.find((r) => r.id === a)?.firstDate).toBe('2011-01-05');
    const silkeborg = reportCompanies(
      db,
      reportListSchema.parse({ ...PERIOD, list: 'companies_contacted', breakdown: 'kommune', key: '740' }),
    );
    expect(silkeborg.rows.map((r) => r.name)).toEqual(['Ådalens Gårdbutik']);
  });

  it('flags help recorded without a visit in the period, and duplicate names', () => {
    knowledge(company('Kun videnskontakt'), '2011-01-01');
    const x = company('Smedjen');
    const y = company('Smedjen');
    visit(x, '2011-01-01');
    visit(y, '2011-01-02');
    const r = programmeReport(db, PERIOD);
    expect(r.quality.contact_without_visit).toBe(1);
    expect(r.quality.duplicate_names).toBe(2);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => programmeReport(db, { from: '2011-10-17', to: '2010-10-01' })).toThrow('report.periodOrder');
  });

  it('groups DB07 and DB25 firms by the same NACE sections, and "Uoplyst" by none', () => {
    const firms = [
      company('Kodehuset 2019', { industry: '620100', system: 'DB07' }),
      company('Kodehuset 2025', { industry: '621000', system: 'DB25' }),
      company('Bilhandel 2019', { industry: '451120', system: 'DB07' }),
      company('Bilhandel 2025', { industry: '478100', system: 'DB25' }),
      company('Ukendt', { industry: '999999', system: 'DB07' }),
    ];
    for (const f of firms) visit(f, '2011-01-05');
    const r = programmeReport(db, PERIOD);
    expect(r.breakdowns.section.map((s) => [s.key, s.values.companies_contacted])).toEqual([
      ['G', 2],
      ['J', 2],
      ['?', 1],
    ]);
    const list = (key: string) =>
      reportCompanies(
        db,
        reportListSchema.parse({ ...PERIOD, list: 'companies_contacted', breakdown: 'section', key }),
      ).rows.map((c) => c.name);
    expect(list('J').sort()).toEqual(['Kodehuset 2019', 'Kodehuset 2025']);
    expect(list('?')).toEqual(['Ukendt']);
    expect(list('U')).toEqual([]);
  });

  it('maps DB07 divisions to NACE sections', () => {
    expect([
      sectionOf('011100'),
      sectionOf('105100'),
      sectionOf('479100'),
      sectionOf(null),
      sectionOf('040000'),
    ]).toEqual(['A', 'C', 'G', '?', '?']);
  });
});
