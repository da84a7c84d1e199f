import type { Database } from 'better-sqlite3';
import { type Locale, message } from '../messages';
import { currentActor } from '../settings/settings-repo';
import { scopeCompanyIds } from './export-scope';
import { formatModule } from './formats';
import type { ExportFormat, ExportResult, ExportScope } from './interop-schema';
import type { JobControl } from './job';
import { checkExportFile } from './paths';

const EXTENSION: Record<ExportFormat, string> = { caseload: '.json', csv: '.csv', xlsx: '.xlsx' };

/** The firms among `ids` protected against advertising (CVR's reklamebeskyttet), and the others in order. */
function splitProtected(db: Database, ids: readonly number[]): { kept: number[]; protectedIds: number[] } {
  const marked = new Set(db.prepare('SELECT id FROM companies WHERE reklamebeskyttet = 1').pluck().all() as number[]);
  return { kept: ids.filter((id) => !marked.has(id)), protectedIds: ids.filter((id) => marked.has(id)) };
}

/** What a campaign list of this scope would leave out unless the user includes protected firms. */
export function campaignScope(db: Database, scope: ExportScope): { companies: number; protected: number } {
  const ids = scopeCompanyIds(db, scope);
  return { companies: ids.length, protected: splitProtected(db, ids).protectedIds.length };
}

/** Exports the companies in scope to the chosen format; the file appears under its name only when complete. */
export async function runExport(
  db: Database,
  input: {
    format: ExportFormat;
    path: string;
    scope: ExportScope;
    entity?: string;
    campaign?: { includeProtected: boolean };
  },
  ctx: { locale: Locale; job: JobControl; appVersion: string; nativeBinding?: string },
): Promise<ExportResult> {
  const target = checkExportFile(input.path, EXTENSION[input.format]);
  const module = formatModule(input.format);
  let ids = scopeCompanyIds(db, input.scope);
  let leftOutProtected: number | undefined;
  if (input.campaign && !input.campaign.includeProtected) {
    const split = splitProtected(db, ids);
    leftOutProtected = split.protectedIds.length;
    ids = split.kept;
  }
  const result = await module.export(
    db,
    target,
    ids,
    { entity: input.entity, scope: input.scope },
    {
      locale: ctx.locale,
      job: ctx.job,
      appVersion: ctx.appVersion,
      actor: currentActor(db),
      progressLabel: message('export.phase.write', {}, ctx.locale),
      nativeBinding: ctx.nativeBinding,
    },
  );
  return leftOutProtected === undefined ? result : { ...result, leftOutProtected };
}
