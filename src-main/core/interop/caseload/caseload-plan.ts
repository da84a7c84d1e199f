import type { Database } from 'better-sqlite3';
import { get } from '../../db/sql';
import type { FieldIssue } from '../../errors';
import { type Locale, messageOrText } from '../../messages';
import { ENTITIES, entityByKey } from '../entities';
import { type EntitySpec, type FileRecord, idOf } from '../entities/entity-types';
import type { RowAction } from '../interop-schema';
import { CHUNK, checkpoint, type JobControl } from '../job';
import { JsonRows } from '../rows/plan-store';
import type { ReportBuilder } from '../rows/report';
import type { CaseloadFile } from './caseload-read';
import { recordSchema, toDbValue } from './record-codec';

/** A record the write will add, update or only use as a reference target. */
export interface CaseloadPlanItem {
  entity: EntitySpec;
  index: number;
  action: Exclude<RowAction, 'invalid' | 'duplicate' | 'skipped'>;
  matchId: number | null;
  /** What the write reads of the record: its references, as the file names them, and its key. */
  record: FileRecord;
  /** Column values after validation; reference columns are resolved again when written. */
  values: Record<string, unknown>;
}

/**
 * The planned records, kept outside the JS heap (rows/plan-store.ts says why) with only what the
 * write needs of each record besides its values.
 */
export class CaseloadPlan {
  private readonly store = new JsonRows(5);

  get size(): number {
    return this.store.size;
  }

  push(item: CaseloadPlanItem): void {
    const { entity, record } = item;
    const kept: FileRecord = {};
    for (const field of entity.fields) {
      const v = record[field.prop];
      if (field.ref && typeof v === 'string') kept[field.prop] = v;
    }
    const keyProp = entity.refKey ?? 'uuid';
    if (typeof record[keyProp] === 'string') kept[keyProp] = record[keyProp];
    this.store.push([ENTITIES.indexOf(entity), item.index, item.action, item.matchId, kept], item.values);
  }

  /** The items in the order they were planned, each decoded afresh as it is reached. */
  items(): IterableIterator<CaseloadPlanItem> {
    const rows = this.store.rows();
    const iterator: IterableIterator<CaseloadPlanItem> = {
      [Symbol.iterator]: () => iterator,
      next: () => {
        const next = rows.next();
        if (next.done) return { value: undefined, done: true };
        const { head, values } = next.value;
        return {
          value: {
            entity: ENTITIES[head[0] as number] as EntitySpec,
            index: head[1] as number,
            action: head[2] as CaseloadPlanItem['action'],
            matchId: head[3] as number | null,
            record: head[4] as FileRecord,
            values,
          },
          done: false,
        };
      },
    };
    return iterator;
  }
}

/** Placeholder id for a row that exists only in the file so far. */
export const PENDING = -1;

/** Key values (uuids, codes) seen per entity, as mapKey gives them: the local id they map to, or PENDING. */
export type KeyMap = Map<string, Map<string, number>>;

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A key as the import's maps hold it: every record's key is held to the end of the import (230,000
 * of them in a large caseload), so a uuid is held as eight UTF-16 units instead of 36 characters.
 * Any other key keeps its text, lengthened by a space when it has eight units too, so the two
 * never meet.
 */
export function mapKey(value: string): string {
  if (!CANONICAL_UUID.test(value)) return value.length === 8 ? `${value} ` : value;
  let key = '';
  for (let i = 0; i < 36; i += i === 4 || i === 9 || i === 14 || i === 19 ? 5 : 4) {
    key += String.fromCharCode(Number.parseInt(value.slice(i, i + 4), 16));
  }
  return key;
}

const NOT_COMPARED = new Set(['uuid', 'created_at', 'updated_at']);

/** Resolves a reference to a local id: a row planned from this file, else a stored row with that key. */
export function resolveRef(db: Database, keys: KeyMap, targetKey: string, value: string): number | undefined {
  const planned = keys.get(targetKey)?.get(mapKey(value));
  if (planned !== undefined) return planned;
  const target = entityByKey(targetKey);
  if (!target) return undefined;
  const column = target.fields.find((x) => x.prop === (target.refKey ?? 'uuid'))?.column ?? 'uuid';
  return get<{ id: number }>(db, `SELECT id FROM ${target.table} WHERE ${column} = ?`, [value])?.id;
}

/** Column values for a record; references become local ids (PENDING when the target is new). */
export function columnValues(
  db: Database,
  entity: EntitySpec,
  record: FileRecord,
  keys: KeyMap,
): { values: Record<string, unknown>; issues: FieldIssue[] } {
  const values: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const field of entity.fields) {
    const v = record[field.prop];
    if (field.ref && typeof v === 'string') {
      const id = resolveRef(db, keys, field.ref, v);
      if (id === undefined)
        issues.push({ field: field.prop, message: 'import.row.refUnknown', params: { entity: field.ref, key: v } });
      else values[field.column] = id;
    } else values[field.column] = toDbValue(field, v);
  }
  return { values, issues };
}

export function identityMatch(db: Database, entity: EntitySpec, values: Record<string, unknown>): number | undefined {
  const cols = entity.identity.map((p) => entity.fields.find((x) => x.prop === p)?.column ?? p);
  if (cols.some((c) => values[c] === PENDING)) return undefined;
  const sql = `SELECT ${entity.hasId === false ? '1' : idOf(entity)} AS id FROM ${entity.table} WHERE ${cols.map((c) => `${c} IS ?`).join(' AND ')}`;
  return get<{ id: number }>(
    db,
    sql,
    cols.map((c) => values[c]),
  )?.id;
}

function changedColumns(db: Database, entity: EntitySpec, id: number, values: Record<string, unknown>): string[] {
  const local = get<Record<string, unknown>>(db, `SELECT * FROM ${entity.table} WHERE ${idOf(entity)} = ?`, [id]) ?? {};
  return Object.keys(values).filter((c) => !NOT_COMPARED.has(c) && (local[c] ?? null) !== (values[c] ?? null));
}

function localUpdatedAt(db: Database, entity: EntitySpec, id: number): string | null {
  if (!entity.fields.some((x) => x.column === 'updated_at')) return null;
  return (
    get<{ u: string }>(db, `SELECT updated_at AS u FROM ${entity.table} WHERE ${idOf(entity)} = ?`, [id])?.u ?? null
  );
}

/**
 * Checks every record of every section and decides what the import would do with it, reading
 * the database only. Records are matched by their identity (uuid), companies by CVR first;
 * where the stored row changed after the file's copy, the stored row is kept.
 */
export async function planCaseload(
  db: Database,
  file: CaseloadFile,
  report: ReportBuilder,
  opts: { locale: Locale; job: JobControl },
): Promise<CaseloadPlan> {
  const plan = new CaseloadPlan();
  const keys: KeyMap = new Map();
  const total = [...file.counts.values()].reduce((n, count) => n + count, 0);
  let done = 0;
  const text = (key: string, params?: Record<string, unknown>) => messageOrText(key, params, opts.locale);

  for (const entity of ENTITIES) {
    if (!file.counts.has(entity.key)) continue;
    report.touch(entity.key);
    const known = new Map<string, number>();
    keys.set(entity.key, known);
    const seen = new Map<string, number>();
    const seenCvr = new Map<string, number>();
    const schema = recordSchema(entity);
    const keyProp = entity.refKey ?? 'uuid';

    let index = -1;
    for (const raw of file.records(entity.key)) {
      index++;
      if (++done % CHUNK === 0) {
        opts.job.progress(done, total, text('import.phase.check'));
        await checkpoint(opts.job.signal);
      }
      report.rows++;
      const ref = `${entity.key}[${index}]`;
      const label =
        typeof raw === 'object' && raw !== null
          ? String((raw as FileRecord).name ?? (raw as FileRecord).title ?? '')
          : '';
      const fail = (issues: FieldIssue[], kind: 'invalid' | 'duplicate' = 'invalid') => {
        for (const i of issues) {
          report.issue({
            line: null,
            ref,
            kind,
            field: i.field,
            value: valueText((raw as FileRecord | null)?.[i.field]),
            message: text(i.message, i.params),
          });
        }
        report.count(entity.key, kind);
        report.row({
          line: null,
          ref,
          entity: entity.key,
          action: kind,
          name: label,
          cvr: null,
          note: issues[0] ? text(issues[0].message, issues[0].params) : undefined,
        });
      };
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        fail(
          parsed.error.issues.map((i) => ({
            field: String(i.path[0] ?? '(record)'),
            message: i.message,
            params: 'maximum' in i ? { max: Number(i.maximum) } : {},
          })),
        );
        continue;
      }
      const record = parsed.data;
      const { values, issues } = columnValues(db, entity, record, keys);
      if (issues.length) {
        fail(issues);
        continue;
      }
      const identity = mapKey(entity.identity.map((p) => String(record[p])).join('\u0001'));
      const firstAt = seen.get(identity);
      if (firstAt !== undefined) {
        fail(
          [
            {
              field: entity.identity[0] ?? 'uuid',
              message: 'import.row.duplicateRecord',
              params: { ref: `${entity.key}[${firstAt}]` },
            },
          ],
          'duplicate',
        );
        continue;
      }
      const cvr = typeof values.cvr === 'string' && entity.role === 'company' ? values.cvr : undefined;
      const cvrFirst = cvr ? seenCvr.get(cvr) : undefined;
      if (cvrFirst !== undefined) {
        fail(
          [{ field: 'cvr', message: 'import.row.duplicateRecord', params: { ref: `${entity.key}[${cvrFirst}]` } }],
          'duplicate',
        );
        continue;
      }
      const matched = entity.match ? entity.match(db, record, values) : undefined;
      if (matched && 'conflict' in matched) {
        fail([matched.conflict]);
        continue;
      }
      const matchId = matched?.id ?? identityMatch(db, entity, values);
      const problems = entity.validate?.(db, values, matchId) ?? [];
      if (problems.length) {
        fail(problems);
        continue;
      }
      seen.set(identity, index);
      if (cvr) seenCvr.set(cvr, index);

      let action: CaseloadPlanItem['action'] = 'add';
      let changes: string[] = [];
      if (matchId !== undefined) {
        changes =
          entity.role === 'reference' || entity.hasId === false ? [] : changedColumns(db, entity, matchId, values);
        const local = changes.length ? localUpdatedAt(db, entity, matchId) : null;
        const theirs = typeof record.updatedAt === 'string' ? record.updatedAt : null;
        action = !changes.length ? 'unchanged' : local && theirs && local > theirs ? 'kept_local' : 'update';
      }
      if (typeof record[keyProp] === 'string') known.set(mapKey(record[keyProp] as string), matchId ?? PENDING);
      report.count(entity.key, action);
      report.row({
        line: null,
        ref,
        entity: entity.key,
        action,
        name: label,
        cvr: cvr ?? null,
        changes: action === 'update' ? changes : undefined,
        note: action === 'kept_local' ? text('import.row.keptLocal') : undefined,
      });
      plan.push({ entity, index, action, matchId: matchId ?? null, record, values });
    }
  }
  opts.job.progress(total, total, text('import.phase.check'));
  return plan;
}

function valueText(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.slice(0, 200);
}
