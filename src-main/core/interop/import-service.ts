import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { DomainError } from '../errors';
import { type Locale, message } from '../messages';
import { currentActor } from '../settings/settings-repo';
import { looksLikeJson } from './caseload/caseload-read';
import { recordImportRun, rememberMapping } from './fields/mapping-store';
import type { InteropModule, LoadedFile } from './format-types';
import { formatModule } from './formats';
import {
  type ImportInspection,
  type ImportOptions,
  type ImportReport,
  type ImportResult,
  importOptionsSchema,
} from './interop-schema';
import { type JobControl, NO_JOB, throwIfCancelled } from './job';
import { checkImportFile } from './paths';
import { decodeText, looksBinary } from './text/encoding';

/** Larger than any caseload a consultant keeps; the upload endpoint caps at 100 MB. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (buf: Buffer, magic: number[]) => magic.every((b, i) => buf[i] === b);

/** The SHA-256 of a file, read a megabyte at a time. */
function hashFile(file: string): string {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(1024 * 1024);
  const fd = fs.openSync(file, 'r');
  try {
    for (let n = fs.readSync(fd, chunk); n > 0; n = fs.readSync(fd, chunk)) hash.update(chunk.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

function readHead(file: string): Buffer {
  const head = Buffer.alloc(4);
  const fd = fs.openSync(file, 'r');
  try {
    return head.subarray(0, fs.readSync(fd, head));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Hashes the file and decides by its bytes (not its name) which format reads it. A text format
 * reads the whole file once; an .xlsx is read part by part from its path (its zip guard bounds
 * what that costs).
 */
export function loadFile(path: string, locale: Locale): { file: LoadedFile; module: InteropModule } {
  const { path: resolved, size, name } = checkImportFile(path);
  if (size > MAX_IMPORT_BYTES) {
    throw new DomainError('invalid_input', 'import.tooLarge', {
      file: name,
      size: Math.ceil(size / 1048576),
      limit: MAX_IMPORT_BYTES / 1048576,
    });
  }
  if (size === 0) throw new DomainError('invalid_input', 'import.empty', { file: name });
  const magic = readHead(resolved);
  if (startsWith(magic, ZIP) || startsWith(magic, EMPTY_ZIP)) {
    const file: LoadedFile = {
      path: resolved,
      name,
      size,
      sha256: hashFile(resolved),
      bytes: () => fs.readFileSync(resolved),
      warnings: [],
    };
    return { file, module: formatModule('xlsx') };
  }
  const bytes = fs.readFileSync(resolved);
  const file: LoadedFile = {
    path: resolved,
    name,
    size,
    bytes: () => bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    warnings: [],
  };
  if (startsWith(bytes, OLE)) throw new DomainError('invalid_input', 'import.oldXls', { file: name });
  if (looksBinary(bytes)) throw new DomainError('invalid_input', 'import.notText', { file: name });
  if (/\.xls[xm]?$/i.test(name)) file.warnings.push(message('import.warn.namedXlsx', { file: name }, locale));
  const head = decodeText(bytes.subarray(0, 4096)).text;
  return { file, module: formatModule(looksLikeJson(head) ? 'caseload' : 'csv') };
}

export async function inspectImport(
  db: Database,
  path: string,
  options: ImportOptions,
  locale: Locale,
): Promise<ImportInspection> {
  const { file, module } = loadFile(path, locale);
  return module.inspect(db, file, options, locale);
}

export interface ImportJob {
  locale: Locale;
  job: JobControl;
  issueLimit: number;
  /** Runs after the checks and before the write (the app makes a "before import" backup here). */
  beforeWrite?: () => Promise<unknown>;
}

export async function previewImport(
  db: Database,
  path: string,
  options: ImportOptions,
  ctx: ImportJob,
): Promise<ImportReport> {
  const { file, module } = loadFile(path, ctx.locale);
  const prepared = await module.plan(db, file, options, ctx, false);
  return prepared.report;
}

/**
 * Checks the whole file again (it must be the file the preview saw), then writes everything in
 * ONE transaction: all rows or none. Cancelling before the write leaves the database untouched;
 * the write itself is synchronous (no await), so no other change can slip in between its rows.
 */
export async function runImport(
  db: Database,
  input: { path: string; options: ImportOptions; fingerprint: string; onInvalid: 'abort' | 'skip' },
  ctx: ImportJob,
): Promise<ImportResult> {
  const { file, module } = loadFile(input.path, ctx.locale);
  if (file.sha256 !== input.fingerprint) throw new DomainError('conflict', 'import.fileChanged', { file: file.name });
  const prepared = await module.plan(db, file, input.options, ctx, true);
  const { report } = prepared;
  if (!report.clean && input.onInvalid === 'abort') return { ...report, written: false, runId: null };
  throwIfCancelled(ctx.job.signal);
  if (report.totals.add + report.totals.update > 0) await ctx.beforeWrite?.();
  throwIfCancelled(ctx.job.signal);
  const actor = currentActor(db);
  const runId = db.transaction(() => {
    const counts = prepared.write?.(db, {
      actor,
      reason: message('import.auditReason', { file: file.name }),
      job: ctx.job,
      progressLabel: message('import.phase.write', {}, ctx.locale),
    }) ?? { added: 0, updated: 0 };
    if (prepared.remember)
      rememberMapping(
        db,
        prepared.remember.headers,
        prepared.remember.mapping as Parameters<typeof rememberMapping>[2],
      );
    return recordImportRun(db, {
      actor,
      fileName: file.name,
      format: report.format,
      sha256: file.sha256,
      added: counts.added,
      updated: counts.updated,
      unchanged: report.totals.unchanged + report.totals.keptLocal,
      skipped: report.totals.invalid + report.totals.duplicate + report.totals.skipped,
    });
  })();
  return { ...report, written: true, runId };
}

/** The CLI and tests import in one go: preview with the same options, then import with its fingerprint. */
export async function importInOneGo(
  db: Database,
  path: string,
  options: Partial<ImportOptions> = {},
  onInvalid: 'abort' | 'skip' = 'abort',
  ctx: Partial<ImportJob> = {},
): Promise<ImportResult> {
  const opts = importOptionsSchema.parse(options);
  const job = {
    locale: ctx.locale ?? 'da',
    job: ctx.job ?? NO_JOB,
    issueLimit: ctx.issueLimit ?? 1000,
    beforeWrite: ctx.beforeWrite,
  };
  const { file } = loadFile(path, job.locale);
  return runImport(db, { path, options: opts, fingerprint: file.sha256, onInvalid }, job);
}
