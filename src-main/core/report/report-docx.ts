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
import { sanitiseText } from '../files/sanitise-text';
import { type Bar, barChartPng } from './bar-chart-png';
import { writeFailed, writeReportBytes } from './report-file';
import { BREAKDOWN_LABELS_DA, KPI_LABELS_DA, QUALITY_LABELS_DA } from './report-labels';
import { programmeReport } from './report-query';
import {
  BREAKDOWNS,
  KPI_KEYS,
  type ProgrammeReport,
  QUALITY_KEYS,
  type ReportExportResult,
  type ReportQuery,
} from './report-schema';

const COLOURS: ReadonlyArray<readonly [number, number, number]> = [
  [31, 95, 140],
  [46, 139, 87],
  [120, 170, 80],
  [200, 130, 40],
  [150, 80, 150],
  [180, 60, 60],
];

const n = (v: number) => v.toLocaleString('da-DK');

/** The figures told as the press release told them. */
export function reportProse(r: ProgrammeReport): string[] {
  const t = r.totals;
  return [
    `I perioden ${formatLetterDate(r.from)} til ${formatLetterDate(r.to)} har programmet været i individuel kontakt med ${n(t.companies_contacted)} virksomheder.`,
    `${n(t.referred_vaeksthus)} virksomheder er henvist til Væksthus/erhvervshus, og heraf havde ${n(t.vaeksthus_grants)} pr. ${formatLetterDate(r.asOf)} fået bevilget tilskud til køb af specialiseret rådgivning.`,
    `${n(t.lag_applications)} virksomheder har fået hjælp til at søge LAG-midler, ${n(t.knowledge_contacts)} er sat i kontakt med eksterne videnspersoner, og der er etableret ${n(t.networks_founded)} erhvervsnetværk.`,
    'Hver virksomhed tælles kun én gang pr. nøgletal, uanset hvor mange besøg, henvisninger eller ansøgninger den har haft i perioden.',
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
  const bars: Bar[] = KPI_KEYS.map((k, i) => ({ value: r.totals[k], colour: COLOURS[i] ?? [90, 90, 90] }));
  const chart = barChartPng(bars);
  const children = [
    heading('Programrapport', HeadingLevel.HEADING_1),
    new Paragraph({
      children: [new TextRun({ text: `Iværksætteri og virksomhedsudvikling i landdistrikter`, italics: true })],
    }),
    ...reportProse(r).map((p) => new Paragraph({ children: [new TextRun(sanitiseText(p))] })),
    heading('Nøgletal'),
    table(
      ['Nøgletal', 'Antal'],
      KPI_KEYS.map((k) => [KPI_LABELS_DA[k], n(r.totals[k])]),
    ),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: chart,
          transformation: { width: 480, height: 240 },
          altText: {
            name: 'Nøgletal',
            title: 'Nøgletal',
            description: KPI_KEYS.map((k) => `${KPI_LABELS_DA[k]}: ${r.totals[k]}`).join('; '),
          },
        }),
      ],
    }),
    new Paragraph({
      children: [
        new TextRun({ text: `Søjlerne fra venstre: ${KPI_KEYS.map((k) => KPI_LABELS_DA[k]).join(', ')}.`, size: 18 }),
      ],
    }),
    ...BREAKDOWNS.flatMap((b) => [
      heading(`Fordelt på ${BREAKDOWN_LABELS_DA[b].toLowerCase()}`),
      table(
        [BREAKDOWN_LABELS_DA[b], ...KPI_KEYS.map((k) => KPI_LABELS_DA[k])],
        r.breakdowns[b].map((row) => [row.label, ...KPI_KEYS.map((k) => n(row.values[k]))]),
      ),
    ]),
    heading('Datakvalitet'),
    table(
      ['Kontrol', 'Antal virksomheder'],
      QUALITY_KEYS.map((k) => [QUALITY_LABELS_DA[k], n(r.quality[k])]),
    ),
  ];
  let bytes: Buffer;
  try {
    const doc = new Document({ creator: 'Bindeled', title: 'Programrapport', sections: [{ children }] });
    bytes = await Packer.toBuffer(doc);
  } catch (err) {
    throw writeFailed(target, err);
  }
  return writeReportBytes(db, target, bytes, 'report-docx');
}
