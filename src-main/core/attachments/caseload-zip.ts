import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { latestVersion } from '../db/migrate';
import { all } from '../db/sql';
import { DomainError } from '../errors';
import { removeFile } from '../files/file-ops';
import { tempPathIn } from '../files/leftovers';
import { writeCaseloadFile } from '../interop/caseload/caseload-write';
import { scopeCompanyIds } from '../interop/export-scope';
import { withSink } from '../interop/file-sink';
import { importInOneGo } from '../interop/import-service';
import type { ExportScope, ImportResult } from '../interop/interop-schema';
import { checkpoint, type JobControl } from '../interop/job';
import { checkExportFile } from '../interop/paths';
import { type Locale, message } from '../messages';
import { ZipWriter } from '../ooxml/zip-write';
import { currentActor } from '../settings/settings-repo';
import { blobPath, hasBlob, storeOf } from './attachment-store';
import type { CaseloadZipResult } from './attachment-types';
import { isCaseloadZip, ZIP_FILES, ZIP_JSON } from './caseload-zip-import';

/**
 * The caseload file with its attachments' bytes, as one .zip (docs/caseload-file.md):
 *
 *   caseload.json         the caseload file, exactly as `export --format caseload` writes it
 *   files/<sha256>        each attachment's bytes, once, named by their SHA-256
 *
 * Import (caseload-zip-import.ts) reads caseload.json as any caseload file, after checking that
 * every attachment it names is in the zip and hashes to its name; nothing is written when one is
 * missing or different.
 */

/** The distinct stored files the exported attachment rows name. */
function exportedHashes(db: Database, ids: readonly number[]): Array<{ sha256: string; name: string }> {
  return all<{ sha256: string; name: string }>(
    db,
    `SELECT sha256, min(name) AS name FROM attachments WHERE company_id IN (SELECT value FROM json_each(?))
     GROUP BY sha256 ORDER BY sha256`,
    [JSON.stringify(ids)],
  );
}

export async function writeCaseloadZip(
  db: Database,
  input: { path: string; scope: ExportScope },
  ctx: { locale: Locale; job: JobControl; appVersion: string; exportedAt?: string },
): Promise<CaseloadZipResult> {
  const target = checkExportFile(input.path, '.zip');
  const store = storeOf(db);
  const ids = scopeCompanyIds(db, input.scope);
  const files = exportedHashes(db, ids);
  // Refused before anything is written: a zip "with files" that lacks one is not what was asked for.
  for (const f of files) {
    if (!store || !hasBlob(store, f.sha256))
      throw new DomainError('not_found', 'caseloadZip.storeMissing', { name: f.name });
  }
  // The JSON is written first to a hidden temporary file beside the zip (the sweep of leftovers
  // removes it after a kill), then packed.
  const json = tempPathIn(path.dirname(target), 'export');
  try {
    const written = await writeCaseloadFile(
      db,
      json,
      ids,
      input.scope,
      {
        appVersion: ctx.appVersion,
        schemaVersion: latestVersion(),
        actor: currentActor(db),
        progressLabel: message('export.phase.write', {}, ctx.locale),
        exportedAt: ctx.exportedAt,
      },
      ctx.job,
    );
    const result = await withSink(db, target, async (sink) => {
      // Level 1: attachments are mostly PDF, Office and images, which are compressed already.
      const zip = new ZipWriter(sink, 1);
      await packFile(zip, ZIP_JSON, json);
      let n = 0;
      for (const f of files) {
        await packFile(zip, `${ZIP_FILES}${f.sha256}`, blobPath(store as string, f.sha256));
        ctx.job.progress(++n, files.length, message('export.phase.write', {}, ctx.locale));
        await checkpoint(ctx.job.signal);
      }
      await zip.finish();
      const done = await sink.commit('export-caseload-zip');
      return { ...done, format: 'caseload' as const, counts: written.counts, files: files.length };
    });
    return result;
  } finally {
    removeFile(json);
    db.prepare('DELETE FROM written_files WHERE path = ?').run(path.resolve(json));
  }
}

async function packFile(zip: ZipWriter, name: string, file: string): Promise<void> {
  const entry = await zip.openEntry(name);
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
      entry.push(chunk as Buffer);
      await entry.settle();
    }
    await entry.close();
  } catch (err) {
    entry.destroy();
    throw err;
  }
}

/**
 * Imports a caseload .zip as the wizard does (caseload-zip-import.ts): every attachment's file
 * checked against its hash, the files put in the attachments folder just before the rows that name
 * them are committed, all or nothing.
 */
export async function importCaseloadZip(
  db: Database,
  zipPath: string,
  ctx: { locale: Locale; job: JobControl; onInvalid?: 'abort' | 'skip'; beforeWrite?: () => Promise<unknown> },
): Promise<ImportResult> {
  const file = path.resolve(zipPath);
  if (!(await isCaseloadZip(file, path.basename(file))))
    throw new DomainError('invalid_input', 'caseloadZip.noJson', { file: path.basename(file) });
  return importInOneGo(db, file, {}, ctx.onInvalid ?? 'abort', {
    locale: ctx.locale,
    job: ctx.job,
    beforeWrite: ctx.beforeWrite,
  });
}
