import fs from 'node:fs';
import path from 'node:path';
import { repeatJob } from '../lib/child';
import type { Figure } from '../lib/figures';
import { BENCH_DIR, hasMethod, removeDb } from '../lib/store';

/**
 * Export to CSV and XLSX and import of a CSV, each in a process of its own so its peak
 * memory is its own. Export baselines write the same rows plainly (CSV lines; exceljs's streaming
 * writer); the import baseline inserts the same rows with prepared statements, nothing checked,
 * and its floor inserts what the import writes with every trigger and secondary index dropped.
 */
export async function interopFigures(dbFile: string, size: number, runs: number): Promise<Figure[]> {
  if (!hasMethod('interop.export') || !hasMethod('interop.import')) {
    return ['export to CSV', 'export to XLSX', 'import of a CSV'].map((name) => ({
      size,
      name,
      note: 'needs interop.export / interop.import',
    }));
  }
  const dir = path.join(BENCH_DIR, `interop-${size}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const figures: Figure[] = [];
  const fresh = (file: string) => () => fs.rmSync(file, { force: true });

  for (const format of ['csv', 'xlsx'] as const) {
    const out = path.join(dir, `export.${format}`);
    const bareOut = path.join(dir, `bare.${format}`);
    const app = await repeatJob(runs, () => ({ kind: `export-${format}`, db: dbFile, out }), fresh(out));
    const bare = await repeatJob(runs, () => ({ kind: `bare-${format}`, db: dbFile, out: bareOut }), fresh(bareOut));
    figures.push({
      size,
      name: `export to ${format.toUpperCase()} (all companies)`,
      timing: app.timing,
      memoryMb: app.peakMb,
      baseline: { name: format === 'csv' ? 'bare write' : 'bare exceljs stream, same tables', timing: bare.timing },
      baselineMemoryMb: bare.peakMb,
      target: { ms: format === 'csv' ? 2000 : 15000, ratio: 1.5, memoryMb: 500 },
      extra: app.extra,
    });
  }

  // The CSV the app just wrote is the file a consultant would import into an empty caseload.
  const csv = path.join(dir, 'export.csv');
  const target = path.join(dir, 'import.db');
  const bareTarget = path.join(dir, 'bare-import.db');
  const app = await repeatJob(
    runs,
    () => ({ kind: 'import-csv', db: dbFile, out: target, csv }),
    () => removeDb(target),
  );
  const bare = await repeatJob(
    runs,
    () => ({ kind: 'bare-insert', db: dbFile, out: bareTarget }),
    () => removeDb(bareTarget),
  );
  const floor = await repeatJob(
    runs,
    () => ({ kind: 'floor-insert', db: dbFile, out: bareTarget }),
    () => removeDb(bareTarget),
  );
  figures.push({
    size,
    name: 'import of a CSV (validated, one transaction)',
    timing: app.timing,
    memoryMb: app.peakMb,
    baseline: { name: 'bare prepared inserts', timing: bare.timing },
    baselineMemoryMb: bare.peakMb,
    floor: { name: 'floor: same rows, no triggers or secondary indexes', timing: floor.timing },
    // The import runs in the desktop app's main process (docs/caseload-file.md, import memory).
    target: { ms: 10000, ratio: 3, memoryMb: 300 },
    extra: app.extra,
  });
  fs.rmSync(dir, { recursive: true, force: true });
  return figures;
}
