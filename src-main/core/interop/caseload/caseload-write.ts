import type { Database } from 'better-sqlite3';
import { all } from '../../db/sql';
import { ENTITIES } from '../entities';
import type { EntitySpec } from '../entities/entity-types';
import { idBatches } from '../export-scope';
import { withSink } from '../file-sink';
import type { ExportResult, ExportScope } from '../interop-schema';
import { checkpoint, type JobControl } from '../job';
import { recordSql, referencedIds, toRecord } from './caseload-select';
import { CASELOAD_FORMAT, CASELOAD_VERSION } from './record-codec';

export interface CaseloadMeta {
  appVersion: string;
  schemaVersion: number;
  actor: string;
  progressLabel: string;
  /** When the file says it was written: now, unless given (a file that must come out the same each time). */
  exportedAt?: string;
}

/**
 * Writes the caseload file: a header, then one array per entity in dependency order, one record
 * per line (readable, diffable, and written in batches so 100,000 firms never sit in memory).
 */
export async function writeCaseloadFile(
  db: Database,
  target: string,
  ids: readonly number[],
  scope: ExportScope,
  meta: CaseloadMeta,
  job: JobControl,
): Promise<ExportResult> {
  const full = scope.kind === 'all';
  const referenced = full ? undefined : referencedIds(db, ids);
  const counts: Record<string, number> = {};
  let done = 0;
  const total = ids.length * ENTITIES.filter((e) => e.role === 'company' || e.role === 'owned').length;

  return withSink(db, target, async (sink) => {
    const header = {
      format: CASELOAD_FORMAT,
      version: CASELOAD_VERSION,
      exportedAt: meta.exportedAt ?? new Date().toISOString(),
      exportedBy: meta.actor,
      generator: { app: 'Bindeled', version: meta.appVersion, schemaVersion: meta.schemaVersion },
      selection:
        scope.kind === 'query' ? { kind: 'query', filters: scope.filters, search: scope.search } : { kind: scope.kind },
    };
    await sink.write(`${JSON.stringify(header, null, 2).slice(0, -2)},\n`);
    for (const entity of ENTITIES) {
      await sink.write(`  ${JSON.stringify(entity.key)}: [`);
      let n = 0;
      const emit = async (rows: Array<Record<string, unknown>>) => {
        let chunk = '';
        for (const row of rows) chunk += `${n++ === 0 ? '\n' : ',\n'}    ${JSON.stringify(toRecord(entity, row))}`;
        if (chunk) await sink.write(chunk);
      };
      await eachBatch(db, entity, ids, full, referenced?.get(entity.key), async (rows, companies) => {
        await emit(rows);
        done += companies;
        job.progress(Math.min(done, total), total, meta.progressLabel);
        await checkpoint(job.signal);
      });
      counts[entity.key] = n;
      await sink.write(n ? '\n  ],\n' : '],\n');
    }
    await sink.write(`  "counts": ${JSON.stringify(counts)}\n}\n`);
    const written = await sink.commit('export-caseload');
    return { ...written, format: 'caseload', counts };
  });
}

/** Reads an entity's rows for the export in batches, each read synchronously. */
async function eachBatch(
  db: Database,
  entity: EntitySpec,
  companyIds: readonly number[],
  full: boolean,
  referenced: Set<number> | undefined,
  onRows: (rows: Array<Record<string, unknown>>, companies: number) => Promise<void>,
): Promise<void> {
  const base = recordSql(entity);
  if (entity.role === 'reference') {
    const rows = all<Record<string, unknown>>(db, `${base} ORDER BY ${entity.orderBy}`).filter(
      (r) => full || referenced?.has(r.__id as number),
    );
    return onRows(rows, 0);
  }
  if (entity.role === 'shared') {
    const seen = new Set<number>();
    for (const batch of idBatches(full ? [] : companyIds)) {
      const rows = all<Record<string, unknown>>(db, `${base} WHERE ${entity.ownedBy} ORDER BY ${entity.orderBy}`, [
        batch.json,
      ]);
      await onRows(
        rows.filter((r) => !seen.has(r.__id as number) && seen.add(r.__id as number)),
        0,
      );
    }
    if (full) await onRows(all<Record<string, unknown>>(db, `${base} ORDER BY ${entity.orderBy}`), 0);
    return;
  }
  for (const batch of idBatches(companyIds)) {
    if (entity.role === 'company') {
      const byId = new Map(
        all<Record<string, unknown>>(db, `${base} WHERE t.id IN (SELECT value FROM json_each(?))`, [batch.json]).map(
          (r) => [r.__id as number, r],
        ),
      );
      await onRows(
        batch.ids.map((id) => byId.get(id)).filter((r): r is Record<string, unknown> => r !== undefined),
        batch.ids.length,
      );
    } else {
      await onRows(
        all<Record<string, unknown>>(db, `${base} WHERE ${entity.ownedBy} ORDER BY ${entity.orderBy}`, [batch.json]),
        batch.ids.length,
      );
    }
  }
}
