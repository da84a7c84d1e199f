import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { openDatabase } from '../../src-main/core/db/open';
import { runExport } from '../../src-main/core/interop/export-service';
import type { ExportFormat, ExportScopeInput } from '../../src-main/core/interop/interop-schema';
import { exportScopeSchema } from '../../src-main/core/interop/interop-schema';
import { NO_JOB } from '../../src-main/core/interop/job';
import { ensureGeneratedConsultants, generateCompanies } from '../../tools/generate/generate-companies';
import { Random } from '../../tools/generate/random';

/** Fictional firms with owners and consultants, seeded so every run sees the same caseload. */
export function seedCaseload(db: Database, count: number, seed = 1): void {
  db.transaction(() => {
    const rng = new Random(seed);
    const consultants = ensureGeneratedConsultants(db, rng, 3, '2011-01-01T00:00:00Z');
    generateCompanies(db, rng, { count, from: '2010-01-01', to: '2012-12-31' }, consultants);
    // Closing a case takes a reason (visits/manual-status.ts); give generated closed firms one.
    db.prepare(
      "UPDATE companies SET status_reason = 'Afsluttet efter forløb' WHERE status = 'closed' AND status_reason IS NULL",
    ).run();
  })();
}

export function freshDb(dir: string, name: string): Database {
  return openDatabase(path.join(dir, name));
}

export async function exportTo(
  db: Database,
  format: ExportFormat,
  file: string,
  scope: ExportScopeInput = { kind: 'all' },
  entity?: string,
) {
  return runExport(
    db,
    { format, path: file, scope: exportScopeSchema.parse(scope), entity },
    { locale: 'da', job: NO_JOB, appVersion: 'test' },
  );
}

/** A caseload file's content without the lines that say when and by whom it was written. */
export function caseloadContent(file: string): Record<string, unknown> {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete parsed.exportedAt;
  delete parsed.exportedBy;
  return parsed;
}

export function count(db: Database, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Every sheet of a workbook as rows of plain values, read with exceljs's own (non-streaming) reader. */
export async function readWorkbook(file: string): Promise<Map<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, unknown[][]>();
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    out.set(ws.name, rows);
  });
  return out;
}

/**
 * Rewrites a caseload file so the first `"field": value` (in `section`, when given) becomes a value
 * nested `depth` levels deep, as a hand-edited or hostile file might have it.
 */
export function nestDeep(file: string, field: string, depth: number, section?: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const from = section ? text.indexOf(`"${section}":`) : 0;
  const at = new RegExp(`"${field}":(\\[[^\\]]*\\]|"(?:[^"\\\\]|\\\\.)*"|[^,}]*)`);
  const tail = text.slice(from);
  if (from < 0 || !at.test(tail)) throw new Error(`no "${field}" in ${file}`);
  const deep = `"${field}":${'['.repeat(depth)}${']'.repeat(depth)}`;
  fs.writeFileSync(file, text.slice(0, from) + tail.replace(at, () => deep));
}
