import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { DomainError } from '../errors';
import { recordWrittenFile } from '../files/written-files';
import type { ReportExportResult } from './report-schema';

/** A hidden temporary name beside the target, so a crash never leaves half a report under the real name. */
export function tempBeside(target: string): string {
  return path.join(path.dirname(path.resolve(target)), `.${randomBytes(6).toString('hex')}.report.tmp`);
}

export function writeFailed(target: string, err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new DomainError('invalid_input', 'report.writeFailed', { path: target, reason });
}

/** Flushes the finished temporary file, renames it over the target and remembers it as written by Bindeled. */
export function finishReportFile(db: Database, temp: string, target: string, kind: string): ReportExportResult {
  const resolved = path.resolve(target);
  try {
    const fd = fs.openSync(temp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, resolved);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw writeFailed(target, err);
  }
  recordWrittenFile(db, resolved, kind);
  return { path: resolved, fileName: path.basename(resolved), sizeBytes: fs.statSync(resolved).size };
}

/** Writes bytes to a temporary name first, then renames (see finishReportFile). */
export function writeReportBytes(db: Database, target: string, bytes: Buffer, kind: string): ReportExportResult {
  const temp = tempBeside(target);
  try {
    fs.writeFileSync(temp, bytes, { flag: 'wx' });
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw writeFailed(target, err);
  }
  return finishReportFile(db, temp, target, kind);
}
