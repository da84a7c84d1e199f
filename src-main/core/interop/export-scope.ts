import type { Database } from 'better-sqlite3';
import { caseloadSql } from '../companies/caseload-query';
import { all } from '../db/sql';
import { notFound } from '../errors';
import type { ExportScope } from './interop-schema';

/**
 * The companies an export covers, in the order the user sees them: the caseload table's filter,
 * search and sort (the same SQL the table runs, without paging), a picked list, or everything.
 */
export function scopeCompanyIds(db: Database, scope: ExportScope): number[] {
  switch (scope.kind) {
    case 'all':
      return all<{ id: number }>(db, 'SELECT id FROM companies ORDER BY name_sort, id').map((r) => r.id);
    case 'companies': {
      const found = new Set(
        all<{ id: number }>(db, 'SELECT id FROM companies WHERE id IN (SELECT value FROM json_each(?))', [
          JSON.stringify(scope.ids),
        ]).map((r) => r.id),
      );
      const missing = scope.ids.find((id) => !found.has(id));
      if (missing !== undefined) throw notFound('entity.company', missing);
      return [...new Set(scope.ids)];
    }
    case 'query': {
      // LIMIT -1: SQLite's "no limit"; the table's own query pages, an export takes every row.
      const { pageSql, params } = caseloadSql({
        offset: 0,
        limit: -1,
        sort: scope.sort,
        filters: scope.filters,
        search: scope.search,
        notes: scope.notes,
        count: 'with-page',
      });
      return all<{ id: number }>(db, pageSql, [...params, -1, 0]).map((r) => r.id);
    }
  }
}

/** Splits ids into JSON arrays for `json_each(?)`: a batch is read synchronously, then the loop yields. */
export function* idBatches(ids: readonly number[], size = 1000): Generator<{ json: string; ids: number[] }> {
  for (let i = 0; i < ids.length; i += size) {
    const slice = ids.slice(i, i + size);
    yield { json: JSON.stringify(slice), ids: slice };
  }
}
