import { KPI_KEYS } from '../../../src-shared/codes/report';
import { labelKey } from '../../../src-shared/messages/code-labels';
import type { Breakdown, BreakdownRow, FunnelStep, KpiKey, ProgrammeReport, TrendMonth } from '../api/types';
import { ColumnTable } from '../components/table-columns';
import { useT } from '../i18n/I18nProvider';
import { formatCount, formatShare } from '../lib/format';

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
                {t(labelKey.kpi(s.key))}: <strong>{formatCount(s.value)}</strong> ({formatShare(s.share)})
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * Horizontal bars, one per kommune/consultant/section/size band, largest first. Each bar is a
 * button whose visible text (label and value) is its accessible name; labels wrap rather than
 * being cut, and bars keep one height whatever the panel's width.
 */
export function BreakdownChart(props: {
  breakdown: Breakdown;
  rows: BreakdownRow[];
  kpi: KpiKey;
  onOpen: (row: BreakdownRow) => void;
}) {
  const t = useT();
  const rows = props.rows
    .filter((r) => r.values[props.kpi] > 0)
    .sort((a, b) => b.values[props.kpi] - a.values[props.kpi] || a.label.localeCompare(b.label, 'da'));
  const max = Math.max(1, ...rows.map((r) => r.values[props.kpi]));
  const heading = `chart-${props.breakdown}`;
  return (
    <section className="report-panel" aria-labelledby={heading}>
      <h2 id={heading}>{t(labelKey.breakdownHeading(props.breakdown))}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('report.list.empty')}</p>
      ) : (
        <ul className="bar-list" aria-labelledby={heading}>
          {rows.map((r) => {
            const value = r.values[props.kpi];
            return (
              <li key={r.key}>
                <button type="button" className="bar" onClick={() => props.onOpen(r)}>
                  <span className="bar-label">{r.label}</span>
                  <span className="bar-track" aria-hidden="true">
                    <span className="bar-fill" style={{ width: `${Math.max(0.5, (value / max) * 100)}%` }} />
                  </span>
                  <span className="bar-value">{formatCount(value)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

const TREND = { width: 640, height: 220, left: 48, right: 16, top: 12, bottom: 28 } as const;
const MONTH = new Intl.DateTimeFormat('da-DK', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** "okt. 10": a month on the trend's axis. */
function monthLabel(month: string): string {
  return MONTH.format(new Date(`${month}-01T00:00:00Z`));
}

/**
 * Firms contacted so far, month by month, against the year's target pro rata (the target line
 * rises evenly to target × months / 12). Drawn at a fixed size so its text stays legible at
 * 1366 px; a table beside it gives the same figures to a screen reader.
 */
export function TrendChart({ trend, target }: { trend: TrendMonth[]; target: number | undefined }) {
  const t = useT();
  if (trend.length === 0) return null;
  const months = trend.length;
  const reached = trend[months - 1]?.companiesSoFar ?? 0;
  const goal = target === undefined ? undefined : Math.round((target * months) / 12);
  const top = Math.max(1, reached, goal ?? 0);
  const plotW = TREND.width - TREND.left - TREND.right;
  const plotH = TREND.height - TREND.top - TREND.bottom;
  const x = (i: number) => TREND.left + (months === 1 ? plotW : (i / (months - 1)) * plotW);
  const y = (v: number) => TREND.top + plotH - (v / top) * plotH;
  const line = trend.map((m, i) => `${x(i)},${y(m.companiesSoFar)}`).join(' ');
  const every = Math.ceil(months / 12);
  const summary =
    goal === undefined
      ? t('report.trend.summary', { count: formatCount(reached) })
      : t('report.trend.summaryTarget', { count: formatCount(reached), target: formatCount(goal) });
  return (
    <section className="report-panel report-trend" aria-labelledby="trend-title">
      <h2 id="trend-title">{t('report.trend.title')}</h2>
      <p className="muted">{summary}</p>
      <svg
        className="trend-chart"
        width={TREND.width}
        height={TREND.height}
        viewBox={`0 0 ${TREND.width} ${TREND.height}`}
        role="img"
        aria-label={summary}
      >
        <line x1={TREND.left} x2={TREND.width - TREND.right} y1={y(0)} y2={y(0)} className="trend-axis" />
        <text x={TREND.left - 6} y={y(top) + 4} className="trend-tick" textAnchor="end">
          {formatCount(top)}
        </text>
        <text x={TREND.left - 6} y={y(0) + 4} className="trend-tick" textAnchor="end">
          0
        </text>
        {trend.map((m, i) =>
          i % every === 0 || i === months - 1 ? (
            <text key={m.month} x={x(i)} y={TREND.height - 8} className="trend-tick" textAnchor="middle">
              {monthLabel(m.month)}
            </text>
          ) : null,
        )}
        {goal === undefined ? null : (
          <line x1={x(0)} y1={y((target ?? 0) / 12)} x2={x(months - 1)} y2={y(goal)} className="trend-target" />
        )}
        <polyline points={line} className="trend-line" />
        {trend.map((m, i) => (
          <circle key={m.month} cx={x(i)} cy={y(m.companiesSoFar)} r={3} className="trend-dot" />
        ))}
      </svg>
      <p className="trend-legend">
        <span className="trend-key trend-key-line">{t('report.trend.soFar')}</span>
        {goal === undefined ? (
          <span className="muted">{t('report.trend.noTarget')}</span>
        ) : (
          <span className="trend-key trend-key-target">
            {t('report.trend.target', { target: formatCount(target ?? 0) })}
          </span>
        )}
      </p>
      <ColumnTable
        className="visually-hidden"
        caption={t('report.trend.title')}
        rows={trend}
        rowKey={(m) => m.month}
        columns={[
          { key: 'month', header: t('report.trend.month'), rowHeader: true, cell: (m) => monthLabel(m.month) },
          { key: 'first', header: t('report.trend.first'), cell: (m) => formatCount(m.firstContacts) },
          { key: 'soFar', header: t('report.trend.soFar'), cell: (m) => formatCount(m.companiesSoFar) },
        ]}
      />
    </section>
  );
}
