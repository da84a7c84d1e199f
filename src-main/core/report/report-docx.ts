import type { Database } from 'better-sqlite3';
import {
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatLetterDate } from '../../../src-shared/format/dates';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { sanitiseText } from '../files/sanitise-text';
import { message } from '../messages';
import { type Bar, barChartPng } from './bar-chart-png';
import { writeFailed, writeReportBytes } from './report-file';
import { programmeReport } from './report-query';
import {
  KPI_KEYS,
  type ProgrammeReport,
  QUALITY_KEYS,
  type ReportExportResult,
  type ReportQuery,
  shownBreakdowns,
} from './report-schema';
import { readReportSettings } from './report-settings';

const COLOURS: ReadonlyArray<readonly [number, number, number]> = [
  [31, 95, 140],
  [46, 139, 87],
  [120, 170, 80],
  [200, 130, 40],
  [150, 80, 150],
  [180, 60, 60],
];

const n = (v: number) => v.toLocaleString('da-DK');
const MONTH = new Intl.DateTimeFormat('da-DK', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthName = (month: string) => MONTH.format(new Date(`${month}-01T00:00:00Z`));

/**
 * Firms contacted so far, month by month, as bars with their values printed (legible on paper),
 * and a table with the target pro rata when Settings hold one.
 */
function trendSection(r: ProgrammeReport, target: number | undefined) {
  const title = message('report.trend.title');
  const chart = barChartPng(
    r.trend.map((m) => ({ value: m.companiesSoFar, colour: COLOURS[0] ?? [31, 95, 140] })),
    720,
    300,
  );
  const header = [message('report.trend.month'), message('report.trend.first'), message('report.trend.soFar')];
  if (target !== undefined) header.push(message('report.docx.targetSoFar', { target: n(target) }));
  return [
    heading(title),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: chart,
          transformation: { width: 600, height: 250 },
          altText: {
            name: title,
            title,
            description: r.trend.map((m) => `${monthName(m.month)}: ${m.companiesSoFar}`).join('; '),
          },
        }),
      ],
    }),
    table(
      header,
      r.trend.map((m, i) => {
        const row = [monthName(m.month), n(m.firstContacts), n(m.companiesSoFar)];
        if (target !== undefined) row.push(n(Math.round((target * (i + 1)) / 12)));
        return row;
      }),
    ),
  ];
}

/** The figures told as the press release told them. */
export function reportProse(r: ProgrammeReport): string[] {
  const t = r.totals;
  return [
    message('report.docx.contacted', {
      from: formatLetterDate(r.from),
      to: formatLetterDate(r.to),
      count: n(t.companies_contacted),
    }),
    message('report.docx.referred', {
      referred: n(t.referred_vaeksthus),
      grants: n(t.vaeksthus_grants),
      asOf: formatLetterDate(r.asOf),
    }),
    message('report.docx.local', {
      lag: n(t.lag_applications),
      knowledge: n(t.knowledge_contacts),
      networks: n(t.networks_founded),
    }),
    message('report.docx.rule'),
  ];
}

function cell(text: string, opts: { bold?: boolean; shade?: string } = {}): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text: sanitiseText(text), bold: opts.bold })] })],
    shading: opts.shade ? { type: ShadingType.CLEAR, fill: opts.shade, color: 'auto' } : undefined,
  });
}

function table(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, { bold: true, shade: 'DCE6F0' })) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
    ],
  });
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2) =>
  new Paragraph({ heading: level, children: [new TextRun(text)] });

/** The Word report: Danish prose, the figures as a table and a chart, the breakdowns and data quality. */
export async function writeReportDocx(db: Database, q: ReportQuery, target: string): Promise<ReportExportResult> {
  const r = programmeReport(db, q);
  const kpiLabels = KPI_KEYS.map((k) => message(labelKey.kpi(k)));
  const figures = message('report.figures');
  const bars: Bar[] = KPI_KEYS.map((k, i) => ({ value: r.totals[k], colour: COLOURS[i] ?? [90, 90, 90] }));
  const chart = barChartPng(bars);
  const children = [
    heading(message('report.title'), HeadingLevel.HEADING_1),
    new Paragraph({ children: [new TextRun({ text: message('report.docx.subtitle'), italics: true })] }),
    ...reportProse(r).map((p) => new Paragraph({ children: [new TextRun(sanitiseText(p))] })),
    heading(figures),
    table(
      [figures, message('report.count')],
      KPI_KEYS.map((k) => [message(labelKey.kpi(k)), n(r.totals[k])]),
    ),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: chart,
          transformation: { width: 480, height: 240 },
          altText: {
            name: figures,
            title: figures,
            description: KPI_KEYS.map((k) => `${message(labelKey.kpi(k))}: ${r.totals[k]}`).join('; '),
          },
        }),
      ],
    }),
    new Paragraph({
      children: [new TextRun({ text: message('report.docx.barOrder', { labels: kpiLabels.join(', ') }), size: 18 })],
    }),
    ...(r.trend.length > 0 ? trendSection(r, readReportSettings(db).targets.companies_contacted) : []),
    ...shownBreakdowns(r.breakdowns).flatMap((b) => [
      heading(message(labelKey.breakdownHeading(b))),
      table(
        [message(labelKey.breakdown(b)), ...kpiLabels],
        r.breakdowns[b].map((row) => [row.label, ...KPI_KEYS.map((k) => n(row.values[k]))]),
      ),
    ]),
    heading(message('report.quality.title')),
    table(
      [message('report.docx.check'), message('report.docx.companyCount')],
      QUALITY_KEYS.map((k) => [message(labelKey.quality(k)), n(r.quality[k])]),
    ),
  ];
  let bytes: Buffer;
  try {
    const doc = new Document({ creator: 'Bindeled', title: message('report.title'), sections: [{ children }] });
    bytes = await Packer.toBuffer(doc);
  } catch (err) {
    throw writeFailed(target, err);
  }
  return writeReportBytes(db, target, bytes, 'report-docx');
}
