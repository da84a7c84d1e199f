import type { Database } from 'better-sqlite3';
import { all, get } from '../db/sql';
import { SECTION_ORDER, sectionLabel, sectionOf } from './industry-sections';
import { GROUPED_COUNTS, NETWORKS_FOUNDED } from './kpi-sql';
import { reportParams } from './report-params';
import {
  type Breakdown,
  type BreakdownRow,
  type FunnelStep,
  KPI_KEYS,
  type KpiKey,
  type KpiValues,
  type ProgrammeReport,
  QUALITY_KEYS,
  type QualityKey,
  type ReportQuery,
  SIZE_BANDS,
} from './report-schema';

type GroupRow = Record<Exclude<KpiKey, 'networks_founded'> | QualityKey, number> & {
  kommune: number;
  consultant: number;
  division: string;
  band: string;
};

const FIRM_KPIS = KPI_KEYS.filter((k) => k !== 'networks_founded');

const zero = (): KpiValues => ({
  companies_contacted: 0,
  referred_vaeksthus: 0,
  vaeksthus_grants: 0,
  lag_applications: 0,
  knowledge_contacts: 0,
  networks_founded: 0,
});

const SIZE_LABELS: Record<string, string> = {
  '0': '0 ansatte',
  '1-4': '1–4 ansatte',
  '5-9': '5–9 ansatte',
  '10+': '10 eller flere',
  unknown: 'Ukendt antal',
};

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
    return rows.sort((a, b) => a.label.localeCompare(b.label, 'da'));
  }
}

/**
 * The programme report for a period: the six figures, counted per distinct firm from the rows
 * themselves (nothing is stored), their breakdowns, the funnel and the data-quality panel.
 * One grouped query carries every firm figure, breakdown and check, so the firms are joined once.
 */
export function programmeReport(db: Database, q: ReportQuery): ProgrammeReport {
  const { asOf, sql } = reportParams(q);
  const groups = all<GroupRow>(db, GROUPED_COUNTS, sql);
  const totals = zero();
  const buckets: Record<Breakdown, Buckets> = {
    kommune: new Buckets(),
    consultant: new Buckets(),
    section: new Buckets(),
    size: new Buckets(),
  };
  const quality: Record<QualityKey, number> = {
    without_cvr: 0,
    duplicate_names: 0,
    ineligible: 0,
    contact_without_visit: 0,
  };
  for (const g of groups) {
    for (const q of QUALITY_KEYS) quality[q] += g[q];
    for (const kpi of FIRM_KPIS) {
      const n = g[kpi];
      if (n === 0) continue;
      totals[kpi] += n;
      buckets.kommune.add(String(g.kommune), kpi, n);
      buckets.consultant.add(String(g.consultant), kpi, n);
      buckets.section.add(sectionOf(g.division || null), kpi, n);
      buckets.size.add(g.band, kpi, n);
    }
  }
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
  const companyCount = get<{ n: number }>(db, 'SELECT count(*) AS n FROM companies')?.n ?? 0;
  return {
    from: q.from,
    to: q.to,
    asOf,
    consultantIds: q.consultantIds ?? [],
    kommuneCodes: q.kommuneCodes ?? [],
    totals,
    breakdowns: {
      kommune: buckets.kommune.rows((k) => kommuneNames.get(k) ?? 'Ukendt kommune'),
      consultant: buckets.consultant.rows((k) => consultantNames.get(k) ?? 'Ingen konsulent'),
      section: buckets.section.rows(sectionLabel, SECTION_ORDER),
      size: buckets.size.rows((k) => SIZE_LABELS[k] ?? k, SIZE_BANDS),
    },
    funnel: funnel(totals),
    quality,
    companyCount,
  };
}

function funnel(totals: KpiValues): FunnelStep[] {
  const first = totals.companies_contacted;
  const steps: KpiKey[] = ['companies_contacted', 'referred_vaeksthus', 'vaeksthus_grants'];
  return steps.map((key) => ({ key, value: totals[key], share: first > 0 ? totals[key] / first : 0 }));
}

export { KPI_KEYS };
