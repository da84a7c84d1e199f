import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { latestVersion } from '../db/migrate';
import { all } from '../db/sql';
import { DomainError } from '../errors';
import { openForWrite, removeFile, renameFile, writeNewFile } from '../files/file-ops';
import { tempPathIn } from '../files/leftovers';
import { writeCaseloadFile } from '../interop/caseload/caseload-write';
import { scopeCompanyIds } from '../interop/export-scope';
import { withSink } from '../interop/file-sink';
import { importInOneGo } from '../interop/import-service';
import type { ExportScope, ImportResult } from '../interop/interop-schema';
import { checkpoint, type JobControl } from '../interop/job';
import { checkExportFile } from '../interop/paths';
import { type Locale, message } from '../messages';
import { openZip, partChunks, readDirectory } from '../ooxml/zip-read';
import { ZipWriter } from '../ooxml/zip-write';
import { currentActor } from '../settings/settings-repo';
import { blobPath, hasBlob, isSha256, storeOf, tidyStore } from './attachment-store';
import type { CaseloadZipResult } from './attachment-types';

/**
 * The caseload file with its attachments' bytes, as one .zip (docs/caseload-file.md):
 *
 *   caseload.json         the caseload file, exactly as `export --format caseload` writes it
 *   files/<sha256>        each attachment's bytes, once, named by their SHA-256
 *
 * Import reads caseload.json as any caseload file, after checking that every attachment it names
 * is in the zip and hashes to its name; nothing is written when one is missing or different.
 */
export const ZIP_JSON = 'caseload.json';
const FILES = 'files/';

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
        await packFile(zip, `${FILES}${f.sha256}`, blobPath(store as string, f.sha256));
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

/** The caseload file's attachment records, as far as the zip check needs them. */
function attachmentRecords(text: string): Array<{ name: string; sha256: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: the caseload import names the problem with its line.
    return [];
  }
  const list = (parsed as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(list)) return [];
  return list.map((r) => ({
    name: String((r as { name?: unknown }).name ?? ''),
    sha256: String((r as { sha256?: unknown }).sha256 ?? ''),
  }));
}

/**
 * Imports a caseload .zip: every attachment's file is checked against its hash and put in the
 * attachments folder, then caseload.json is imported as any caseload file, all or nothing. Files
 * are in the folder before the rows that name them are committed; files no row names after a
 * refused import (or a kill, at the next start) are removed again.
 */
export async function importCaseloadZip(
  db: Database,
  zipPath: string,
  ctx: { locale: Locale; job: JobControl; onInvalid?: 'abort' | 'skip'; beforeWrite?: () => Promise<unknown> },
): Promise<ImportResult> {
  const file = path.resolve(zipPath);
  const fileName = path.basename(file);
  const store = storeOf(db);
  if (!store) throw new DomainError('unsupported', 'attachment.noStore');
  fs.mkdirSync(store, { recursive: true });
  const zip = await openZip(file, fileName);
  const json = tempPathIn(store, 'attachment');
  const temps: string[] = [];
  try {
    const entries = await readDirectory(zip, fileName);
    const byName = new Map(entries.map((e) => [e.fileName, e]));
    const jsonEntry = byName.get(ZIP_JSON);
    if (!jsonEntry) throw new DomainError('invalid_input', 'caseloadZip.noJson', { file: fileName });
    const parts: Buffer[] = [];
    for await (const chunk of partChunks(zip, jsonEntry, fileName, ctx.job.signal)) parts.push(chunk);
    const text = Buffer.concat(parts);
    writeNewFile(json, text);
    const records = attachmentRecords(text.toString('utf8'));
    const seen = new Set<string>();
    for (const [i, r] of records.entries()) {
      const ref = `attachments[${i}]`;
      if (seen.has(r.sha256)) continue;
      const entry = isSha256(r.sha256) ? byName.get(`${FILES}${r.sha256}`) : undefined;
      if (!entry)
        throw new DomainError('invalid_input', 'caseloadZip.missingFile', { name: r.name, ref, file: fileName });
      const temp = tempPathIn(store, 'attachment');
      temps.push(temp);
      const hash = createHash('sha256');
      const out = openForWrite(temp, 'wx');
      try {
        for await (const chunk of partChunks(zip, entry, fileName, ctx.job.signal)) {
          hash.update(chunk);
          fs.writeSync(out, chunk);
        }
        fs.fsyncSync(out);
      } finally {
        fs.closeSync(out);
      }
      if (hash.digest('hex') !== r.sha256)
        throw new DomainError('invalid_input', 'caseloadZip.badHash', { name: r.name, ref, file: fileName });
      seen.add(r.sha256);
    }
    // Every file checked: into the store under their names (a file already there is the same).
    for (const [i, sha] of [...seen].entries()) {
      const temp = temps[i] as string;
      if (hasBlob(store, sha)) continue;
      const target = blobPath(store, sha);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      renameFile(temp, target);
    }
    const result = await importInOneGo(db, json, {}, ctx.onInvalid ?? 'abort', {
      locale: ctx.locale,
      job: ctx.job,
      beforeWrite: ctx.beforeWrite,
    });
    if (!result.written) tidyStore(db);
    return { ...result, fileName };
  } catch (err) {
    tidyStore(db);
    throw err;
  } finally {
    zip.close();
    removeFile(json);
    for (const t of temps) removeFile(t);
  }
}
