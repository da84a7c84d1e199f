import type { Database } from 'better-sqlite3';
import type { PipelineKind } from '../../../src-shared/codes/pipelines';
import { todayIso } from '../../../src-shared/format/dates';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { writeCsv } from '../interop/csv/csv-export';
import type { ExportResult } from '../interop/interop-schema';
import type { JobControl } from '../interop/job';
import type { SheetColumn, SheetSpec, SheetValue } from '../interop/sheets/sheet-types';
import { sheetRows } from '../interop/sheets/sheet-types';
import { writeXlsx } from '../interop/xlsx/xlsx-export';
import type { LagStatus } from '../lag/lag-schema';
import { type Locale, type MessageKey, message } from '../messages';
import type { ReferralOutcome, ReferralStatus } from '../referrals/referral-schema';
import { PIPELINES, pipelineIds } from './pipeline-query';
import type { LagPipelineQuery, ReferralPipelineQuery } from './pipeline-schema';

/**
 * A pipeline as the table shows it (its filters and sort, every match) in CSV or XLSX, through
 * the caseload export's writers: the same BOM and separator, typed cells, temporary file and rename.
 */
const col = (key: string, kind: SheetColumn['kind'], width: number): SheetColumn => ({
  key,
  label: `pipeline.column.${key}`,
  kind,
  width,
});

const ORDERED = (kind: PipelineKind) =>
  `${PIPELINES[kind].rows.replace(/WHERE (\w)\.id IN \(SELECT value FROM json_each\(@ids\)\)/, '')}`;

function labelled(
  rows: Iterable<SheetValue[]>,
  labels: ReadonlyArray<[number, (v: string) => string]>,
): Iterable<SheetValue[]> {
  return (function* () {
    for (const row of rows) {
      for (const [i, f] of labels) if (typeof row[i] === 'string') row[i] = f(row[i] as string);
      yield row;
    }
  })();
}

const REFERRAL_COLUMNS = [
  col('company', 'text', 32),
  col('cvr', 'digits', 10),
  col('organisation', 'text', 28),
  col('status', 'text', 14),
  col('consultant', 'text', 20),
  col('kommune', 'text', 16),
  col('sentAt', 'date', 12),
  col('receivedAt', 'date', 12),
  col('waitingDays', 'integer', 10),
  col('outcome', 'text', 20),
];

const LAG_COLUMNS = [
  col('company', 'text', 32),
  col('cvr', 'digits', 10),
  col('title', 'text', 32),
  col('organisation', 'text', 24),
  col('status', 'text', 14),
  col('consultant', 'text', 20),
  col('kommune', 'text', 16),
  col('submittedAt', 'date', 12),
  col('deadline', 'date', 12),
  col('waitingDays', 'integer', 10),
  col('grantRequested', 'decimal', 14),
];

/** Each pipeline's sheet: its rows' values in column order, and the columns whose codes are labelled. */
const SHEETS: Record<
  PipelineKind,
  { entity: string; columns: SheetColumn[]; select: string; labels: [number, (code: string) => MessageKey][] }
> = {
  referrals: {
    entity: 'referrals',
    columns: REFERRAL_COLUMNS,
    select: `x.companyName, x.companyCvr, x.organisationName, x.status, x.consultant, x.kommune,
        x.sentAt, x.receivedAt, x.waitingDays, x.outcome`,
    labels: [
      [3, (s) => labelKey.referralStatus(s as ReferralStatus)],
      [9, (s) => labelKey.referralOutcome(s as ReferralOutcome)],
    ],
  },
  lag: {
    entity: 'lag_applications',
    columns: LAG_COLUMNS,
    select: `x.companyName, x.companyCvr, x.title, x.organisationName, x.status, x.consultant, x.kommune,
      x.submittedAt, x.deadline, x.waitingDays, x.grantRequestedOre / 100.0`,
    labels: [[4, (s) => labelKey.lagStatus(s as LagStatus)]],
  },
};

function sheetOf(kind: PipelineKind, today: string): SheetSpec {
  const { entity, columns, select, labels } = SHEETS[kind];
  const sql = `SELECT ${select}
    FROM json_each(@ids) j JOIN (${ORDERED(kind)}) x ON x.id = j.value ORDER BY j.key`;
  return {
    entity,
    label: `pipeline.${kind}.title`,
    columns,
    rows: (db, idsJson, locale) =>
      labelled(
        bound(db, sql, idsJson, today, columns.length),
        labels.map(([i, key]) => [i, (s) => message(key(s), {}, locale)]),
      ),
  };
}

/** `sheetRows` with the day waiting counts to bound beside the ids. */
function bound(db: Database, sql: string, idsJson: string, today: string, n: number): Iterable<SheetValue[]> {
  const withToday = sql.replaceAll('@today', `'${today.replace(/[^0-9-]/g, '')}'`).replaceAll('@ids', '?');
  return sheetRows(db, withToday, idsJson, n);
}

export async function exportPipeline(
  db: Database,
  input: { kind: 'referrals'; query: ReferralPipelineQuery } | { kind: 'lag'; query: LagPipelineQuery },
  target: string,
  format: 'csv' | 'xlsx',
  opts: { locale: Locale; job: JobControl },
): Promise<ExportResult> {
  const ids = pipelineIds(db, input.kind, input.query);
  const sheet = sheetOf(input.kind, input.query.on ?? todayIso());
  const progressLabel = message(`pipeline.${input.kind}.title`, {}, opts.locale);
  const o = { locale: opts.locale, job: opts.job, progressLabel };
  return format === 'csv' ? writeCsv(db, target, ids, sheet, o) : writeXlsx(db, target, ids, [sheet], o);
}
