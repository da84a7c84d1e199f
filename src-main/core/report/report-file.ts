import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { DomainError } from '../errors';
import { writeNewFile } from '../files/file-ops';
import { tempPathBeside } from '../files/leftovers';
import { commitStaged, discardStaged, flushFile, stageFiles } from '../files/staged-files';
import { recordWrittenFile } from '../files/written-files';
import type { ReportExportResult } from './report-schema';

/**
 * A hidden temporary name beside the target, journalled (files/staged-files.ts), so a crash never
 * leaves half a report under the real name, nor a temporary file that the next start cannot find.
 */
export function stageReportFile(db: Database, target: string): string {
  const temp = tempPathBeside(target, 'report');
  stageFiles(db, [temp]);
  return temp;
}

/** Removes the temporary file of a report that failed. */
export function discardReportFile(db: Database, temp: string): void {
  discardStaged(db, [temp]);
}

export function writeFailed(target: string, err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new DomainError('invalid_input', 'report.writeFailed', { path: target, reason });
}

/** Flushes the finished temporary file, renames it over the target and remembers it as written by Bindeled. */
export function finishReportFile(db: Database, temp: string, target: string, kind: string): ReportExportResult {
  const resolved = path.resolve(target);
  let sizeBytes: number;
  let written = resolved;
  try {
    flushFile(temp);
    sizeBytes = fs.statSync(temp).size;
    commitStaged(
      db,
      [{ temp, target: resolved, mayReplace: true }],
      () => recordWrittenFile(db, resolved, kind),
      (_, to) => {
        written = to;
      },
    );
  } catch (err) {
    discardReportFile(db, temp);
    throw writeFailed(target, err);
  }
  const result = { path: written, fileName: path.basename(written), sizeBytes };
  return written === resolved ? result : { ...result, takenName: path.basename(resolved) };
}

/** Writes bytes to a temporary name first, then renames (see finishReportFile). */
export function writeReportBytes(db: Database, target: string, bytes: Buffer, kind: string): ReportExportResult {
  const temp = stageReportFile(db, target);
  try {
    writeNewFile(temp, bytes);
  } catch (err) {
    discardReportFile(db, temp);
    throw writeFailed(target, err);
  }
  return finishReportFile(db, temp, target, kind);
}
