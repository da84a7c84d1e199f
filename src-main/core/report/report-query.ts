import type { Database } from 'better-sqlite3';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { all, get } from '../db/sql';
import { message } from '../messages';
import { SECTION_ORDER, sectionLabel, sectionOf } from './industry-sections';
import {
  FIGURE_BITS,
  FIRM_FIGURES,
  FIRST_CONTACTS_BY_MONTH,
  FIRST_CONTACTS_BY_MONTH_ALL,
  NETWORKS_FOUNDED,
  NO_DIVISION,
  TAG_FIGURES,
} from './kpi-sql';
import { reportParams } from './report-params';
import {
  type Breakdown,
  type BreakdownRow,
  type FunnelStep,
  KPI_KEYS,
  type KpiKey,
  type KpiValues,
  type ProgrammeReport,
  type QualityKey,
  type ReportQuery,
  SIZE_BANDS,
  type SizeBand,
  type TrendMonth,
} from './report-schema';

interface FirmFigures {
  kommunes: string;
  consultants: string;
  figures: string;
}

const FIRM_KPIS = KPI_KEYS.filter((k) => k !== 'networks_founded');

const zero = (): KpiValues => ({
  companies_contacted: 0,
  referred_vaeksthus: 0,
  vaeksthus_grants: 0,
  lag_applications: 0,
  knowledge_contacts: 0,
  networks_founded: 0,
});

const isSizeBand = (k: string): k is SizeBand => (SIZE_BANDS as readonly string[]).includes(k);

class Buckets {
  private readonly map = new Map<string, KpiValues>();
  add(key: string, kpi: KpiKey, n: number): void {
    const v = this.map.get(key) ?? zero();
    v[kpi] += n;
    this.map.set(key, v);
  }
  rows(label: (key: string) => string, order?: readonly string[]): BreakdownRow[] {
    const rows = [...this.map.entries()].map(([key, values]) => ({ key, label: label(key), values }));
    if (order) return rows.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
    // Equal labels ("Ukendt kommune" for codes without a name) in the order of their numeric keys.
    return rows.sort((a, b) => a.label.localeCompare(b.label, 'da') || Number(a.key) - Number(b.key));
  }
}

/** How many firms have each figure-bits value (0–255), per value of one breakdown. */
class Tally {
  private readonly counts = new Map<number, Uint32Array>();
  add(key: number, bits: number): void {
    let c = this.counts.get(key);
    if (!c) {
      c = new Uint32Array(256);
      this.counts.set(key, c);
    }
    c[bits] = (c[bits] ?? 0) + 1;
  }
  each(fn: (key: number, bits: number, n: number) => void): void {
    // Keys in ascending order, so equal labels keep a stable order in the breakdowns.
    for (const key of [...this.counts.keys()].sort((a, b) => a - b)) {
      const c = this.counts.get(key);
      c?.forEach((n, bits) => {
        if (n > 0) fn(key, bits, n);
      });
    }
  }
}

/**
 * The programme report for a period: the six figures, counted per distinct firm from the rows
 * themselves (nothing is stored), their breakdowns, the funnel and the data-quality panel.
 * One query gives every counted firm with its figures and checks (FIRM_FIGURES), so the firms are
 * joined once; the breakdowns are added up here, one firm at a time.
 */
export function programmeReport(db: Database, q: ReportQuery): ProgrammeReport {
  const { asOf, sql } = reportParams(q);
  const firms = get<FirmFigures>(db, FIRM_FIGURES, sql);
  const kommunes = JSON.parse(firms?.kommunes ?? '[]') as number[];
  const consultants = JSON.parse(firms?.consultants ?? '[]') as number[];
  const figures = JSON.parse(firms?.figures ?? '[]') as number[];
  const totals = zero();
  const buckets: Record<Breakdown, Buckets> = {
    kommune: new Buckets(),
    consultant: new Buckets(),
    section: new Buckets(),
    size: new Buckets(),
    tag: new Buckets(),
  };
  const quality: Record<QualityKey, number> = {
    without_cvr: 0,
    duplicate_names: 0,
    ineligible: 0,
    contact_without_visit: 0,
  };
  // Firms are first counted per breakdown value and figure-bits value (a few hundred counters),
  // then spread over the figures: per firm that is three counter increments, where adding each
  // firm to four string-keyed buckets per figure costs far more.
  const byKommune = new Tally();
  const byConsultant = new Tally();
  const byDivisionBand = new Tally();
  figures.forEach((packed, i) => {
    const bits = packed % 256;
    byKommune.add(kommunes[i] ?? 0, bits);
    byConsultant.add(consultants[i] ?? 0, bits);
    byDivisionBand.add(Math.floor(packed / 256), bits);
  });
  const has = (bits: number, key: keyof typeof FIGURE_BITS) => (bits & FIGURE_BITS[key]) !== 0;
  byKommune.each((kommune, bits, n) => {
    if (has(bits, 'without_cvr')) quality.without_cvr += n;
    if (has(bits, 'duplicate_names')) quality.duplicate_names += n;
    if (has(bits, 'ineligible')) quality.ineligible += n;
    // Help recorded for a firm with no visit in the period: it is not among "companies contacted".
    const helped = has(bits, 'referred_vaeksthus') || has(bits, 'lag_applications') || has(bits, 'knowledge_contacts');
    if (!has(bits, 'companies_contacted') && helped) quality.contact_without_visit += n;
    for (const kpi of FIRM_KPIS) {
      if (!has(bits, kpi)) continue;
      totals[kpi] += n;
      buckets.kommune.add(String(kommune), kpi, n);
    }
  });
  byConsultant.each((consultant, bits, n) => {
    for (const kpi of FIRM_KPIS) if (has(bits, kpi)) buckets.consultant.add(String(consultant), kpi, n);
  });
  byDivisionBand.each((divisionBand, bits, n) => {
    const division = Math.floor(divisionBand / 8);
    const section = sectionOf(division === NO_DIVISION ? null : String(division).padStart(2, '0'));
    const band = SIZE_BANDS[divisionBand % 8] ?? 'unknown';
    for (const kpi of FIRM_KPIS) {
      if (!has(bits, kpi)) continue;
      buckets.section.add(section, kpi, n);
      buckets.size.add(band, kpi, n);
    }
  });
  // Only a caseload with tags pays for the second pass over the period's rows.
  const tagged = get(db, 'SELECT 1 FROM company_tags LIMIT 1') !== undefined;
  if (tagged)
    for (const r of all<{ tag: number; bits: number; n: number }>(db, TAG_FIGURES, sql))
      for (const kpi of FIRM_KPIS) if (has(r.bits, kpi)) buckets.tag.add(String(r.tag), kpi, r.n);
  // Networks belong to a kommune, not to a firm: they appear in the kommune breakdown only.
  const networks = all<{ id: number; kommune_code: number | null }>(db, NETWORKS_FOUNDED, {
    from: sql.from,
    after: sql.after,
  });
  const kommuneFilter = q.kommuneCodes?.length ? new Set(q.kommuneCodes) : null;
  for (const n of networks) {
    if (kommuneFilter && !kommuneFilter.has(n.kommune_code ?? 0)) continue;
    totals.networks_founded++;
    buckets.kommune.add(String(n.kommune_code ?? 0), 'networks_founded', 1);
  }

  const kommuneNames = new Map(
    all<{ code: number; name: string }>(db, 'SELECT code, name FROM kommuner').map((k) => [String(k.code), k.name]),
  );
  const consultantNames = new Map(
    all<{ id: number; name: string }>(db, 'SELECT id, name FROM consultants').map((c) => [String(c.id), c.name]),
  );
  const tagNames = new Map(
    all<{ id: number; name: string }>(db, 'SELECT id, name FROM tags').map((t) => [String(t.id), t.name]),
  );
  const companyCount = get<{ n: number }>(db, 'SELECT count(*) AS n FROM companies')?.n ?? 0;
  return {
    trend: monthlyTrend(firstContacts(db, sql), q.from, q.to),
    from: q.from,
    to: q.to,
    asOf,
    consultantIds: q.consultantIds ?? [],
    kommuneCodes: q.kommuneCodes ?? [],
    totals,
    // The row labels are Danish whatever the UI language: the same rows go into the Danish exports.
    breakdowns: {
      kommune: buckets.kommune.rows((k) => kommuneNames.get(k) ?? message('report.unknownKommune')),
      consultant: buckets.consultant.rows((k) => consultantNames.get(k) ?? message('company.noConsultant')),
      section: buckets.section.rows(sectionLabel, SECTION_ORDER),
      size: buckets.size.rows((k) => (isSizeBand(k) ? message(labelKey.sizeBand(k)) : k), SIZE_BANDS),
      tag: buckets.tag.rows((k) => tagNames.get(k) ?? message('report.byTag.none')),
    },
    funnel: funnel(totals),
    quality,
    companyCount,
  };
}

function firstContacts(db: Database, sql: ReturnType<typeof reportParams>['sql']) {
  const period = { from: sql.from, after: sql.after };
  if (sql.kommunes === null && sql.consultants === null)
    return all<{ month: string; companies: number }>(db, FIRST_CONTACTS_BY_MONTH_ALL, period);
  return all<{ month: string; companies: number }>(db, FIRST_CONTACTS_BY_MONTH, {
    ...period,
    kommunes: sql.kommunes,
    consultants: sql.consultants,
  });
}

/** Every month of the period (empty ones too, so the trend's axis has no gaps), with the running total. */
function monthlyTrend(rows: Array<{ month: string; companies: number }>, from: string, to: string): TrendMonth[] {
  const counted = new Map(rows.map((r) => [r.month, r.companies]));
  const out: TrendMonth[] = [];
  let soFar = 0;
  let [y, m] = from.split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    const first = counted.get(month) ?? 0;
    soFar += first;
    out.push({ month, firstContacts: first, companiesSoFar: soFar });
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

function funnel(totals: KpiValues): FunnelStep[] {
  const first = totals.companies_contacted;
  const steps: KpiKey[] = ['companies_contacted', 'referred_vaeksthus', 'vaeksthus_grants'];
  return steps.map((key) => ({ key, value: totals[key], share: first > 0 ? totals[key] / first : 0 }));
}

export { KPI_KEYS };
