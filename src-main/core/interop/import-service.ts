import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { todayIso } from '../../../src-shared/format/dates';
import { caseloadZipModule, isCaseloadZip } from '../attachments/caseload-zip-import';
import { get } from '../db/sql';
import { DomainError } from '../errors';
import { type Locale, message } from '../messages';
import { currentActor } from '../settings/settings-repo';
import { looksLikeJson } from './caseload/caseload-read';
import { looksLikeCvrExtract } from './cvr/cvr-format';
import { recordImportRun, rememberMapping } from './fields/mapping-store';
import type { InteropModule, LoadedFile, PreparedImport } from './format-types';
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

/** The first bytes of a file, to tell its format by. */
function readHead(file: string, bytes: number): Buffer {
  const head = Buffer.alloc(bytes);
  const fd = fs.openSync(file, 'r');
  try {
    return head.subarray(0, fs.readSync(fd, head));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Hashes the file and decides by its bytes (not its name) which format reads it, reading only its
 * first bytes to tell (and a zip's directory: a caseload with files holds caseload.json). The whole
 * file is read only when a format asks for it: a text format once per check (its hash checked
 * again, so the rows checked are the rows the fingerprint names), a zip part by part (its zip guard
 * bounds what that costs). An import that reuses its preview's plan only hashes it.
 */
export async function loadFile(path: string, locale: Locale): Promise<{ file: LoadedFile; module: InteropModule }> {
  const { path: resolved, size, name } = checkImportFile(path);
  const head = size > 0 ? readHead(resolved, 8192) : Buffer.alloc(0);
  const zipped = startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP);
  // A caseload's attachments may weigh more than any table: the zip guard bounds it instead.
  const withFiles = zipped && (await isCaseloadZip(resolved, name));
  if (size > MAX_IMPORT_BYTES && !withFiles) {
    throw new DomainError('invalid_input', 'import.tooLarge', {
      file: name,
      size: Math.ceil(size / 1048576),
      limit: MAX_IMPORT_BYTES / 1048576,
    });
  }
  if (size === 0) throw new DomainError('invalid_input', 'import.empty', { file: name });
  const sha256 = hashFile(resolved);
  const file: LoadedFile = {
    path: resolved,
    name,
    size,
    sha256,
    bytes: () => {
      const bytes = fs.readFileSync(resolved);
      if (createHash('sha256').update(bytes).digest('hex') !== sha256)
        throw new DomainError('conflict', 'import.fileChanged', { file: name });
      return bytes;
    },
    warnings: [],
  };
  if (withFiles) return { file, module: caseloadZipModule };
  if (zipped) return { file, module: formatModule('xlsx') };
  if (startsWith(head, OLE)) throw new DomainError('invalid_input', 'import.oldXls', { file: name });
  if (looksBinary(head)) throw new DomainError('invalid_input', 'import.notText', { file: name });
  if (/\.xls[xm]?$/i.test(name)) file.warnings.push(message('import.warn.namedXlsx', { file: name }, locale));
  const text = decodeText(head.subarray(0, 4096)).text;
  if (looksLikeCvrExtract(text)) return { file, module: formatModule('cvr') };
  return { file, module: formatModule(looksLikeJson(text) ? 'caseload' : 'csv') };
}

export async function inspectImport(
  db: Database,
  path: string,
  options: ImportOptions,
  locale: Locale,
): Promise<ImportInspection> {
  const { file, module } = await loadFile(path, locale);
  return module.inspect(db, file, options, locale);
}

export interface ImportJob {
  locale: Locale;
  job: JobControl;
  issueLimit: number;
  /** Runs after the checks and before the write (the app makes a "before import" backup here). */
  beforeWrite?: () => Promise<unknown>;
  /** Runs inside the import's transaction after its rows (the demo's present day): one failure undoes both. */
  inSameWrite?: () => void;
}

/**
 * The last preview's plan, per database, for the import that follows it: checking 100,000 rows
 * again took a third of the import. Only a format whose plan is small keeps one (a table's
 * PlanStore, a caseload file's CaseloadPlan: both outside the heap), and it is used only for the same file, options and caller, with the database as it
 * was when the preview began (nothing written since, by this connection or any other).
 */
interface KeptPreview {
  key: string;
  state: string;
  prepared: PreparedImport;
}
const keptPreviews = new WeakMap<Database, KeptPreview>();

/** What the check of a file depends on besides the database: the file, the options, the caller, the day. */
const previewKey = (file: LoadedFile, options: ImportOptions, ctx: ImportJob): string =>
  JSON.stringify([file.path, file.sha256, options, ctx.locale, ctx.issueLimit, todayIso()]);

/** Changes by this connection (total_changes), by any other (data_version), and to the schema. */
function databaseState(db: Database): string {
  const changes = get<{ n: number }>(db, 'SELECT total_changes() AS n')?.n;
  return `${changes}/${db.pragma('data_version', { simple: true })}/${db.pragma('schema_version', { simple: true })}`;
}

export async function previewImport(
  db: Database,
  path: string,
  options: ImportOptions,
  ctx: ImportJob,
): Promise<ImportReport> {
  const { file, module } = await loadFile(path, ctx.locale);
  keptPreviews.delete(db);
  const state = databaseState(db);
  const prepared = await module.plan(db, file, options, ctx, true);
  if (prepared.reusable) keptPreviews.set(db, { key: previewKey(file, options, ctx), state, prepared });
  return structuredClone(prepared.report);
}

/** The kept preview's plan when it is still the plan this import would make. */
function keptPlan(db: Database, file: LoadedFile, options: ImportOptions, ctx: ImportJob): PreparedImport | undefined {
  const kept = keptPreviews.get(db);
  if (kept && kept.key === previewKey(file, options, ctx) && kept.state === databaseState(db)) return kept.prepared;
  keptPreviews.delete(db);
  return undefined;
}

/**
 * Checks the whole file again (it must be the file the preview saw) unless the preview's plan
 * still holds (keptPlan), then writes everything in ONE transaction: all rows or none. Cancelling before the write leaves the database untouched;
 * the write itself is synchronous (no await), so no other change can slip in between its rows.
 */
export async function runImport(
  db: Database,
  input: { path: string; options: ImportOptions; fingerprint: string; onInvalid: 'abort' | 'skip' },
  ctx: ImportJob,
): Promise<ImportResult> {
  const { file, module } = await loadFile(input.path, ctx.locale);
  if (file.sha256 !== input.fingerprint) throw new DomainError('conflict', 'import.fileChanged', { file: file.name });
  const prepared = keptPlan(db, file, input.options, ctx) ?? (await module.plan(db, file, input.options, ctx, true));
  const report = structuredClone(prepared.report);
  if (!report.clean && input.onInvalid === 'abort') return { ...report, written: false, runId: null };
  throwIfCancelled(ctx.job.signal);
  if (report.totals.add + report.totals.update > 0) await ctx.beforeWrite?.();
  throwIfCancelled(ctx.job.signal);
  // Written or not, the database is no longer the one the plan was made against.
  keptPreviews.delete(db);
  try {
    await prepared.stage?.(ctx.job);
    throwIfCancelled(ctx.job.signal);
    return { ...report, written: true, runId: writeImport(db, file, report, prepared, ctx) };
  } catch (err) {
    prepared.unstage?.();
    throw err;
  }
}

/** The import's one transaction: the rows, the remembered mapping and the run's record. */
function writeImport(
  db: Database,
  file: LoadedFile,
  report: ImportReport,
  prepared: PreparedImport,
  ctx: ImportJob,
): number {
  const actor = currentActor(db);
  return db.transaction(() => {
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
    ctx.inSameWrite?.();
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
    inSameWrite: ctx.inSameWrite,
  };
  const { file } = await loadFile(path, job.locale);
  return runImport(db, { path, options: opts, fingerprint: file.sha256, onInvalid }, job);
}
