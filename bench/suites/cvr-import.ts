import fs from 'node:fs';
import path from 'node:path';
import { repeatJob } from '../lib/child';
import { writeCvrExtract } from '../lib/cvr-extract';
import type { Figure } from '../lib/figures';
import { BENCH_DIR, hasMethod, removeDb } from '../lib/store';

/**
 * A CVR System-til-System extract of `size` firms (generated, a couple of kB each, as the
 * service's documents are) previewed and imported into an empty caseload, in a process of its own
 * so its peak memory is its own; the baseline parses the same lines and inserts name, CVR and
 * postcode with a prepared statement, nothing checked.
 */
export async function cvrImportFigures(size: number, runs: number): Promise<Figure[]> {
  const name = 'import of a CVR extract (preview + import, one transaction)';
  if (!hasMethod('interop.import')) return [{ size, name, note: 'needs interop.import' }];
  const dir = path.join(BENCH_DIR, `cvr-${size}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const extract = path.join(dir, 'extract.jsonl');
  const bytes = writeCvrExtract(extract, size);
  const target = path.join(dir, 'import.db');
  const bareTarget = path.join(dir, 'bare.db');
  const app = await repeatJob(
    runs,
    () => ({ kind: 'import-cvr', db: target, out: target, extract }),
    () => removeDb(target),
  );
  const bare = await repeatJob(
    runs,
    () => ({ kind: 'bare-cvr', db: bareTarget, out: bareTarget, extract }),
    () => removeDb(bareTarget),
  );
  fs.rmSync(dir, { recursive: true, force: true });
  return [
    {
      size,
      name,
      timing: app.timing,
      memoryMb: app.peakMb,
      baseline: { name: 'parse each line, bare prepared inserts', timing: bare.timing },
      baselineMemoryMb: bare.peakMb,
      target: { ms: 20000, memoryMb: 500 },
      extra: `${app.extra ?? ''}; extract ${(bytes / 2 ** 20).toFixed(0)} MB`,
    },
  ];
}
