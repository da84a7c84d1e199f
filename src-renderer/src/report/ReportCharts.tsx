import { KPI_KEYS } from '../../../src-shared/codes/report';
import { labelKey } from '../../../src-shared/messages/code-labels';
import type { Breakdown, BreakdownRow, FunnelStep, KpiKey, ProgrammeReport } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import { formatCount } from '../lib/format';

export function KpiFigures({ report, onOpen }: { report: ProgrammeReport; onOpen: (kpi: KpiKey) => void }) {
  const t = useT();
  return (
    <ul className="kpi-grid">
      {KPI_KEYS.map((k) => (
        <li key={k}>
          <button type="button" className="kpi-card" data-kpi={k} title={t('report.openKpi')} onClick={() => onOpen(k)}>
            <span className="kpi-value">{formatCount(report.totals[k])}</span>
            <span className="kpi-label">{t(labelKey.kpi(k))}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function Funnel({ steps, onOpen }: { steps: FunnelStep[]; onOpen: (kpi: KpiKey) => void }) {
  const t = useT();
  return (
    <section className="report-panel" aria-labelledby="funnel-title">
      <h2 id="funnel-title">{t('report.funnel')}</h2>
      <ol className="funnel">
        {steps.map((s) => (
          <li key={s.key}>
            <button type="button" className="funnel-step" onClick={() => onOpen(s.key)}>
              <span className="funnel-bar" style={{ width: `${Math.max(2, s.share * 100)}%` }} />
              <span className="funnel-text">
                {t(labelKey.kpi(s.key))}: <strong>{formatCount(s.value)}</strong> ({Math.round(s.share * 1000) / 10} %)
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Horizontal bars (plain SVG), one per kommune/consultant/section/size band, each clickable. */
export function BreakdownChart(props: {
  breakdown: Breakdown;
  rows: BreakdownRow[];
  kpi: KpiKey;
  onOpen: (row: BreakdownRow) => void;
}) {
  const t = useT();
  const rows = props.rows.filter((r) => r.values[props.kpi] > 0);
  const max = Math.max(1, ...rows.map((r) => r.values[props.kpi]));
  const rowHeight = 22;
  return (
    <section className="report-panel" aria-labelledby={`chart-${props.breakdown}`}>
      <h2 id={`chart-${props.breakdown}`}>{t(labelKey.breakdownHeading(props.breakdown))}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('report.list.empty')}</p>
      ) : (
        <svg
          className="bar-chart"
          width="100%"
          height={rows.length * rowHeight}
          viewBox={`0 0 400 ${rows.length * rowHeight}`}
          aria-labelledby={`chart-${props.breakdown}`}
        >
          <title>{t(labelKey.breakdownHeading(props.breakdown))}</title>
          {rows.map((r, i) => {
            const value = r.values[props.kpi];
            const width = (value / max) * 220;
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG bar cannot be a <button>; it is focusable and reacts to Enter.
              <g
                key={r.key}
                role="button"
                tabIndex={0}
                aria-label={`${r.label}: ${value}`}
                className="bar"
                onClick={() => props.onOpen(r)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') props.onOpen(r);
                }}
                transform={`translate(0 ${i * rowHeight})`}
              >
                <text x="0" y="15" className="bar-label">
                  {r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label}
                </text>
                <rect x="150" y="3" width={Math.max(1, width)} height={rowHeight - 6} className="bar-rect" />
                <text x={156 + width} y="15" className="bar-value">
                  {formatCount(value)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </section>
  );
}
