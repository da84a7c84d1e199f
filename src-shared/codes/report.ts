/** The six programme figures (docs/domain.md, "Programme KPIs"), in the press release's order. */
export const KPI_KEYS = [
  'companies_contacted',
  'referred_vaeksthus',
  'vaeksthus_grants',
  'lag_applications',
  'knowledge_contacts',
  'networks_founded',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

/** Data-quality checks over the firms the report counts; each has a list like a figure. */
export const QUALITY_KEYS = ['without_cvr', 'duplicate_names', 'ineligible', 'contact_without_visit'] as const;
export type QualityKey = (typeof QUALITY_KEYS)[number];

export const BREAKDOWNS = ['kommune', 'consultant', 'section', 'size', 'tag'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export const SIZE_BANDS = ['0', '1-4', '5-9', '10+', 'unknown'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

/** The breakdowns a report shows: the one by tag only where firms carry tags. */
export const shownBreakdowns = (breakdowns: Record<Breakdown, readonly unknown[]>): Breakdown[] =>
  BREAKDOWNS.filter((b) => b !== 'tag' || breakdowns[b].length > 0);
