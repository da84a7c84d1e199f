import type { Database } from 'better-sqlite3';
import type { LagPipelineColumn, PipelineKind, ReferralPipelineColumn } from '../../../src-shared/codes/pipelines';
import { todayIso } from '../../../src-shared/format/dates';
import { all, get } from '../db/sql';
import { LAG_STATUSES, LAG_TRANSITIONS } from '../lag/lag-schema';
import { REFERRAL_STATUSES, REFERRAL_TRANSITIONS } from '../referrals/referral-schema';
import type {
  LagPipelineQuery,
  LagPipelineRow,
  PipelinePage,
  ReferralPipelineQuery,
  ReferralPipelineRow,
} from './pipeline-schema';

/**
 * The pipelines' one query each: filter, sort and page on ids alone, then read the page's rows
 * with their joins, as the caseload does (caseload-query.ts), so a page costs the same at the
 * first row and the last.
 */
const statusOrder = (col: string, statuses: readonly string[]) =>
  `CASE ${col} ${statuses.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;

/** The sorts every pipeline has, built by `pipelineDef`. */
type SharedSort = 'company' | 'organisation' | 'status' | 'consultant' | 'kommune';

const waitingSql = (def: { status: string; since: string; waiting: readonly string[] }) =>
  `CASE WHEN ${def.status} IN (${def.waiting.map((s) => `'${s}'`).join(', ')}) AND ${def.since} IS NOT NULL
     THEN CAST(julianday(@today) - julianday(${def.since}) AS INTEGER) END`;

/**
 * A referral's or application's consultant (its own, else its firm's) for filtering and sorting,
 * without a join to the firm: the firm's row is read only for a row nobody was named on (coalesce
 * stops at the first value), not for every row counted or sorted.
 */
export const firmConsultant = (alias: string) =>
  `coalesce(${alias}.consultant_id, (SELECT firm.consultant_id FROM companies firm WHERE firm.id = ${alias}.company_id))`;

/** What sets one pipeline apart; the joins, filters, shared sorts and shared row columns follow from it. */
interface PipelineSpec {
  kind: PipelineKind;
  /** The pipeline's own table, its alias, and the column naming the organisation it went to. */
  table: string;
  alias: string;
  organisationColumn: string;
  statuses: readonly string[];
  /** The statuses each status may move to. */
  transitions: Readonly<Record<string, readonly string[]>>;
  /** The day it left the desk (sent, submitted): the period filter's column and where waiting counts from. */
  since: string;
  /** Statuses in which an answer is awaited. */
  waiting: readonly string[];
  /** The sorts of the pipeline's own columns, and its own columns in a page's rows. */
  sort: Record<string, string>;
  columns: string;
}

type PipelineDef = ReturnType<typeof pipelineDef>;

function pipelineDef(spec: PipelineSpec) {
  const a = spec.alias;
  const organisation = `${a}.${spec.organisationColumn}`;
  // The row's own consultant, or else the firm's: the one who follows it up.
  const rowConsultant = `coalesce(${a}.consultant_id, c.consultant_id)`;
  const waiting = { status: `${a}.status`, since: `${a}.${spec.since}`, waiting: spec.waiting };
  return {
    kind: spec.kind,
    alias: a,
    table: `${spec.table} ${a}`,
    /** The joins the filters and sorts may need, each taken only when its alias is used. */
    joins: {
      c: `JOIN companies c ON c.id = ${a}.company_id`,
      o: `JOIN organisations o ON o.id = ${organisation}`,
      s: `LEFT JOIN consultants s ON s.id = ${firmConsultant(a)}`,
    },
    company: `${a}.company_id`,
    status: waiting.status,
    statuses: spec.statuses,
    transitions: spec.transitions,
    organisation,
    consultant: firmConsultant(a),
    since: waiting.since,
    waiting: spec.waiting,
    sort: {
      // The firm's sort key kept on the row (migration 250): a page reads its index, no join.
      company: `${a}.company_sort`,
      organisation: 'o.name',
      status: statusOrder(waiting.status, spec.statuses),
      consultant: 's.name',
      kommune: 'c.kommune_name',
      ...spec.sort,
    } as Record<string, string>,
    /** The page's rows: `@today` the day waiting counts to, `@ids` the ids as a JSON array. */
    rows: `SELECT ${a}.id, ${a}.company_id AS companyId, c.name AS companyName, c.cvr AS companyCvr,
      ${organisation} AS organisationId, o.name AS organisationName, ${rowConsultant} AS consultantId,
      s.name AS consultant, c.kommune_code AS kommuneCode, c.kommune_name AS kommune,
      ${waitingSql(waiting)} AS waitingDays, ${spec.columns}
    FROM ${spec.table} ${a} JOIN companies c ON c.id = ${a}.company_id JOIN organisations o ON o.id = ${organisation}
      LEFT JOIN consultants s ON s.id = ${rowConsultant}
    WHERE ${a}.id IN (SELECT value FROM json_each(@ids))`,
  };
}

const REFERRALS = pipelineDef({
  kind: 'referrals',
  table: 'referrals',
  alias: 'r',
  organisationColumn: 'organisation_id',
  statuses: REFERRAL_STATUSES,
  transitions: REFERRAL_TRANSITIONS,
  since: 'sent_at',
  waiting: ['sent'],
  sort: {
    sentAt: 'r.sent_at',
    receivedAt: 'r.received_at',
    // Waiting longest is sent earliest; those not waiting go last either way.
    waitingDays: "(r.status = 'sent') DESC, (0 - julianday(r.sent_at))",
    outcome: 'r.outcome',
  } satisfies Record<Exclude<ReferralPipelineColumn, SharedSort>, string>,
  columns: `r.status, r.sent_at AS sentAt, r.received_at AS receivedAt,
      r.closed_at AS closedAt, r.outcome, r.outcome_amount_ore AS outcomeAmountOre`,
});

const LAG = pipelineDef({
  kind: 'lag',
  table: 'lag_applications',
  alias: 'a',
  organisationColumn: 'lag_id',
  statuses: LAG_STATUSES,
  transitions: LAG_TRANSITIONS,
  since: 'submitted_at',
  waiting: ['submitted', 'recommended'],
  sort: {
    title: 'a.title',
    submittedAt: 'a.submitted_at',
    deadline: 'a.deadline',
    waitingDays: "(a.status IN ('submitted', 'recommended')) DESC, (0 - julianday(a.submitted_at))",
    grantRequested: 'a.grant_requested_ore',
  } satisfies Record<Exclude<LagPipelineColumn, SharedSort>, string>,
  columns: `a.title, a.status, a.submitted_at AS submittedAt,
      a.deadline, a.decided_at AS decidedAt, a.grant_requested_ore AS grantRequestedOre`,
});

export const PIPELINES: Readonly<Record<PipelineKind, PipelineDef>> = { referrals: REFERRALS, lag: LAG };

type AnyQuery = ReferralPipelineQuery | LagPipelineQuery;

const inList = (expr: string, values: readonly unknown[]) => `${expr} IN (${values.map(() => '?').join(', ')})`;

/** The WHERE of a pipeline's filters; `today` is the day waiting counts to. */
function buildWhere(def: PipelineDef, f: AnyQuery['filters'], today: string): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...p: unknown[]) => {
    where.push(sql);
    params.push(...p);
  };
  const idList = (expr: string, values: readonly number[] | undefined) => {
    if (!values?.length) return;
    const real = values.filter((v) => v > 0);
    const parts = real.length ? [inList(expr, real)] : [];
    if (values.includes(0)) parts.push(`${expr} IS NULL`);
    add(`(${parts.join(' OR ')})`, ...real);
  };
  if (f.status?.length) add(inList(def.status, f.status), ...f.status);
  idList(def.organisation, f.organisation);
  idList(def.consultant, f.consultant);
  idList('c.kommune_code', f.kommune);
  if (f.companyId !== undefined) add(`${def.company} = ?`, f.companyId);
  if (f.from) add(`${def.since} >= ?`, f.from);
  if (f.to) add(`${def.since} <= ?`, f.to);
  if (f.waitingDays !== undefined) {
    add(
      `${inList(def.status, def.waiting)} AND ${def.since} <= date(?, ?)`,
      ...def.waiting,
      today,
      `-${f.waitingDays} days`,
    );
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** An ORDER BY list's terms: split at the commas outside parentheses (an IN list keeps its own). */
function topLevelTerms(expr: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      terms.push(expr.slice(start, i).trim());
      start = i + 1;
    }
  }
  terms.push(expr.slice(start).trim());
  return terms;
}

/** The statements a page runs; the bench runs the same SQL bare. */
export function pipelineSql(kind: PipelineKind, q: AnyQuery) {
  const def = PIPELINES[kind];
  const today = q.on ?? todayIso();
  const { sql: whereSql, params } = buildWhere(def, q.filters, today);
  const idCol = `${def.alias}.id`;
  const sort = q.sort.length ? q.sort : [{ column: kind === 'referrals' ? 'sentAt' : 'submittedAt', desc: true }];
  const orderBy = sort
    .map((s) => {
      const expr = def.sort[s.column];
      if (!expr) throw new Error(`pipeline ${kind} cannot sort by ${s.column}`);
      const dir = s.desc ? 'DESC' : 'ASC';
      // Every term of a composite expression takes the direction; empty values go last.
      return topLevelTerms(expr)
        .map((e) => (e.endsWith(' DESC') ? e : `${e} IS NULL, ${e} ${dir}`))
        .join(', ');
    })
    .concat(`${idCol} DESC`)
    .join(', ');
  // Only the joins a filter or sort uses: at 100,000 firms, joining every referral to its firm
  // to count them cost more than the whole page otherwise (the foreign keys keep the rows the same).
  const uses = (sql: string, alias: string) => new RegExp(`\\b${alias}\\.`).test(sql);
  const from = (sql: string) => {
    const c = uses(sql, 'c');
    return [def.table, c ? def.joins.c : '', uses(sql, 'o') ? def.joins.o : '', uses(sql, 's') ? def.joins.s : '']
      .filter(Boolean)
      .join(' ');
  };
  const listSql = `SELECT ${idCol} AS id FROM ${from(whereSql + orderBy)} ${whereSql} ORDER BY ${orderBy}`;
  return {
    listSql,
    pageSql: `${listSql} LIMIT ? OFFSET ?`,
    countSql: `SELECT count(*) AS n FROM ${from(whereSql)} ${whereSql}`,
    rowsSql: def.rows,
    params,
    today,
  };
}

/** A page of a pipeline's rows, each with the statuses it may move to next. */
function runPage<R extends { id: number; status: string }>(db: Database, kind: PipelineKind, q: AnyQuery) {
  const plan = pipelineSql(kind, q);
  const transitions = PIPELINES[kind].transitions;
  const total = get<{ n: number }>(db, plan.countSql, plan.params)?.n ?? 0;
  const ids = all<{ id: number }>(db, plan.pageSql, [...plan.params, q.limit, q.offset]).map((r) => r.id);
  const byId = new Map(all<R>(db, plan.rowsSql, { today: plan.today, ids: JSON.stringify(ids) }).map((r) => [r.id, r]));
  const rows = ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ ...r, allowedNext: [...(transitions[r.status] ?? [])] }] : [];
  });
  return { rows, total, offset: q.offset } as PipelinePage<R>;
}

export const queryReferralPipeline = (db: Database, q: ReferralPipelineQuery) =>
  runPage<ReferralPipelineRow>(db, 'referrals', q);

export const queryLagPipeline = (db: Database, q: LagPipelineQuery) => runPage<LagPipelineRow>(db, 'lag', q);

/** Every match's id in the table's order: what an export writes. */
export function pipelineIds(db: Database, kind: PipelineKind, q: AnyQuery): number[] {
  const plan = pipelineSql(kind, q);
  return all<{ id: number }>(db, plan.listSql, plan.params).map((r) => r.id);
}
