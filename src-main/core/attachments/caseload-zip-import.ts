import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Entry, ZipFile } from 'yauzl';
import { DomainError } from '../errors';
import { openForWrite, removeFile, renameFile } from '../files/file-ops';
import { tempPathIn } from '../files/leftovers';
import { commitCaseload } from '../interop/caseload/caseload-commit';
import { caseloadInspection } from '../interop/caseload/caseload-format';
import { planCaseload } from '../interop/caseload/caseload-plan';
import { type CaseloadFile, readCaseloadFile } from '../interop/caseload/caseload-read';
import type { InteropModule, LoadedFile } from '../interop/format-types';
import type { ImportInspection } from '../interop/interop-schema';
import { checkpoint, type JobControl } from '../interop/job';
import { ReportBuilder } from '../interop/rows/report';
import { fileBytes } from '../interop/text/file-bytes';
import { type Locale, message } from '../messages';
import { checkDirectory, openZip, partChunks, readDirectory } from '../ooxml/zip-read';
import { blobPath, hasBlob, isSha256, storeOf, tidyStore } from './attachment-store';

/**
 * Import of the caseload file with its attachments' files (`export --format caseload --with-files`,
 * caseload-zip.ts writes it): a .zip holding `caseload.json` and `files/<sha256>`.
 * The preview checks every file an attachment names against its hash (nothing is written but a
 * temporary copy of the JSON); the import unpacks them into the attachments folder, checked again,
 * just before the rows that name them are committed, and tidies the folder when the write fails.
 */
export const ZIP_JSON = 'caseload.json';
export const ZIP_FILES = 'files/';

/** Whether a zip is a caseload with files rather than a workbook: it holds caseload.json. */
export async function isCaseloadZip(file: string, fileName: string): Promise<boolean> {
  let zip: ZipFile;
  try {
    zip = await openZip(file, fileName);
  } catch {
    return false;
  }
  try {
    return (await readDirectory(zip, fileName)).some((e) => e.fileName === ZIP_JSON);
  } catch {
    // Too many parts or a broken directory: the workbook reader names the problem.
    return false;
  } finally {
    zip.close();
  }
}

/** One stored file the caseload's attachments name, and the first record naming it. */
interface NamedFile {
  sha256: string;
  name: string;
  ref: string;
  entry: string;
  bytes: number;
}

interface OpenedZip {
  zip: ZipFile;
  byName: Map<string, Entry>;
  parsed: CaseloadFile;
  /** The JSON unpacked to a temporary file: the caseload reader reads it again section by section. */
  json: string;
}

function storeFor(db: Database): string {
  const store = storeOf(db);
  if (!store) throw new DomainError('unsupported', 'attachment.noStore');
  fs.mkdirSync(store, { recursive: true });
  return store;
}

async function unpackTo(zip: ZipFile, entry: Entry, fileName: string, target: string, signal?: AbortSignal) {
  const hash = createHash('sha256');
  const out = openForWrite(target, 'wx');
  try {
    for await (const chunk of partChunks(zip, entry, fileName, signal)) {
      hash.update(chunk);
      let written = 0;
      while (written < chunk.length) written += fs.writeSync(out, chunk, written, chunk.length - written);
    }
    fs.fsyncSync(out);
  } finally {
    fs.closeSync(out);
  }
  return hash.digest('hex');
}

async function openCaseloadZip(file: LoadedFile, store: string, signal?: AbortSignal): Promise<OpenedZip> {
  const zip = await openZip(file.path, file.name);
  const json = tempPathIn(store, 'attachment');
  try {
    const entries = await readDirectory(zip, file.name);
    checkDirectory(entries, file.name);
    const byName = new Map(entries.map((e) => [e.fileName, e]));
    const jsonEntry = byName.get(ZIP_JSON);
    if (!jsonEntry) throw new DomainError('invalid_input', 'caseloadZip.noJson', { file: file.name });
    const sha256 = await unpackTo(zip, jsonEntry, file.name, json, signal);
    const parsed = readCaseloadFile(fileBytes({ path: json, name: file.name, sha256 }), file.name);
    return { zip, byName, parsed, json };
  } catch (err) {
    zip.close();
    removeFile(json);
    throw err;
  }
}

function closeZip(opened: OpenedZip): void {
  opened.zip.close();
  removeFile(opened.json);
}

/**
 * The stored files the attachment records name, each once. A record without a well-formed hash is
 * left to the caseload check, which names it as an invalid record; one whose file is not in the zip
 * stops the import here.
 */
function namedFiles(opened: OpenedZip, fileName: string): NamedFile[] {
  const files = new Map<string, NamedFile>();
  if (!opened.parsed.counts.has('attachments')) return [];
  let i = -1;
  for (const raw of opened.parsed.records('attachments')) {
    i++;
    const r = (raw ?? {}) as { name?: unknown; sha256?: unknown };
    const sha256 = typeof r.sha256 === 'string' ? r.sha256 : '';
    if (!isSha256(sha256) || files.has(sha256)) continue;
    const name = String(r.name ?? '');
    const ref = `attachments[${i}]`;
    const entry = `${ZIP_FILES}${sha256}`;
    const found = opened.byName.get(entry);
    if (!found) throw new DomainError('invalid_input', 'caseloadZip.missingFile', { name, ref, file: fileName, entry });
    files.set(sha256, { sha256, name, ref, entry, bytes: found.uncompressedSize });
  }
  return [...files.values()];
}

/**
 * Reads every named file from the zip and compares its hash with its name; with `store`, also
 * puts it there (through a temporary name) once it has proved to be the file exported.
 */
async function checkFiles(
  opened: OpenedZip,
  files: readonly NamedFile[],
  fileName: string,
  job: JobControl,
  locale: Locale,
  store?: string,
): Promise<void> {
  const total = files.reduce((n, f) => n + f.bytes, 0);
  const label = message('caseloadZip.phase.files', {}, locale);
  let done = 0;
  job.progress(0, total, label);
  for (const f of files) {
    await checkpoint(job.signal);
    const entry = opened.byName.get(f.entry) as Entry;
    const temp = store ? tempPathIn(store, 'attachment') : null;
    try {
      let sha: string;
      if (temp) sha = await unpackTo(opened.zip, entry, fileName, temp, job.signal);
      else {
        const hash = createHash('sha256');
        for await (const chunk of partChunks(opened.zip, entry, fileName, job.signal)) hash.update(chunk);
        sha = hash.digest('hex');
      }
      if (sha !== f.sha256)
        throw new DomainError('invalid_input', 'caseloadZip.badHash', {
          name: f.name,
          ref: f.ref,
          file: fileName,
          entry: f.entry,
        });
      if (store && temp && !hasBlob(store, f.sha256)) {
        const target = blobPath(store, f.sha256);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        renameFile(temp, target);
      }
    } finally {
      if (temp) removeFile(temp);
    }
    done += f.bytes;
    job.progress(done, total, label);
  }
}

function inspection(file: LoadedFile, parsed: CaseloadFile, files: readonly NamedFile[]): ImportInspection {
  return caseloadInspection(file, parsed, { count: files.length, bytes: files.reduce((n, f) => n + f.bytes, 0) });
}

/** The caseload .zip as an import format: detected by its content (import-service.ts), never exported this way. */
export const caseloadZipModule: InteropModule = {
  id: 'caseload',
  label: 'format.caseloadZip',
  extensions: ['.zip'],
  inspect: async (db, file) => {
    const opened = await openCaseloadZip(file, storeFor(db));
    try {
      return inspection(file, opened.parsed, namedFiles(opened, file.name));
    } finally {
      closeZip(opened);
    }
  },
  plan: async (db, file, _options, ctx) => {
    const store = storeFor(db);
    const opened = await openCaseloadZip(file, store, ctx.job.signal);
    let files: NamedFile[];
    const report = new ReportBuilder(ctx.issueLimit);
    let plan: Awaited<ReturnType<typeof planCaseload>>;
    try {
      files = namedFiles(opened, file.name);
      await checkFiles(opened, files, file.name, ctx.job, ctx.locale);
      report.warnings.push(
        ...file.warnings,
        ...opened.parsed.unknownSections.map((s) => message('import.warn.unknownSection', { section: s }, ctx.locale)),
      );
      plan = await planCaseload(db, opened.parsed, report, { locale: ctx.locale, job: ctx.job });
    } finally {
      closeZip(opened);
    }
    return {
      report: report.build({ fileName: file.name, format: 'caseload', fingerprint: file.sha256 }),
      stage: async (job) => {
        // The zip is the one previewed (its fingerprint was checked); its files are read again to unpack them.
        const again = await openCaseloadZip(file, store, job.signal);
        try {
          await checkFiles(again, files, file.name, job, ctx.locale, store);
        } finally {
          closeZip(again);
        }
      },
      unstage: () => tidyStore(db),
      write: (wdb, wctx) => commitCaseload(wdb, plan, wctx),
      reusable: true,
    };
  },
  export: async () => {
    throw new DomainError('invalid_input', 'caseloadZip.importOnly');
  },
};
