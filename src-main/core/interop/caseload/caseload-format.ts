import { latestVersion } from '../../db/migrate';
import { message } from '../../messages';
import type { InteropModule, LoadedFile } from '../format-types';
import type { ImportInspection } from '../interop-schema';
import { ReportBuilder } from '../rows/report';
import { fileBytes } from '../text/file-bytes';
import { commitCaseload } from './caseload-commit';
import { planCaseload } from './caseload-plan';
import { type CaseloadFile, readCaseloadFile } from './caseload-read';
import { writeCaseloadFile } from './caseload-write';

/**
 * What step 1 of the wizard shows of a caseload file: its version, who exported it when and how many
 * records of each kind; for a caseload .zip also how many attachment files it carries.
 */
export function caseloadInspection(
  file: LoadedFile,
  parsed: CaseloadFile,
  files?: { count: number; bytes: number },
): ImportInspection {
  const counts: Record<string, number> = {};
  for (const [key, count] of parsed.counts) counts[key] = count;
  return {
    path: file.path,
    fileName: file.name,
    size: file.size,
    format: 'caseload',
    warnings: [
      ...file.warnings,
      ...parsed.unknownSections.map((s) => message('import.warn.unknownSection', { section: s })),
    ],
    headers: [],
    sample: [],
    mapping: [],
    mappingSource: 'given',
    caseload: {
      version: parsed.version,
      exportedAt: parsed.exportedAt,
      exportedBy: parsed.exportedBy,
      counts,
      ...(files ? { files } : {}),
    },
  };
}

/** The caseload file: Bindeled's own lossless, versioned JSON (docs/caseload-file.md). */
export const caseloadModule: InteropModule = {
  id: 'caseload',
  label: 'format.caseload',
  extensions: ['.bindeled.json', '.json'],
  inspect: async (_db, file) => {
    return caseloadInspection(file, readCaseloadFile(fileBytes(file), file.name));
  },
  plan: async (db, file, _options, ctx) => {
    const parsed = readCaseloadFile(fileBytes(file), file.name);
    const report = new ReportBuilder(ctx.issueLimit);
    report.warnings.push(
      ...file.warnings,
      ...parsed.unknownSections.map((s) => message('import.warn.unknownSection', { section: s }, ctx.locale)),
    );
    const plan = await planCaseload(db, parsed, report, { locale: ctx.locale, job: ctx.job });
    return {
      report: report.build({ fileName: file.name, format: 'caseload', fingerprint: file.sha256 }),
      write: (wdb, wctx) => commitCaseload(wdb, plan, wctx),
      reusable: true,
    };
  },
  export: (db, target, ids, opts, ctx) =>
    writeCaseloadFile(
      db,
      target,
      ids,
      opts.scope,
      {
        appVersion: ctx.appVersion,
        schemaVersion: latestVersion(),
        actor: ctx.actor,
        progressLabel: ctx.progressLabel,
      },
      ctx.job,
    ),
};
