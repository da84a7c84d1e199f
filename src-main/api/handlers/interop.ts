import { backupBeforeImport } from '../../core/backup/backup';
import { ENTITIES } from '../../core/interop/entities';
import { campaignScope, runExport } from '../../core/interop/export-service';
import { FIELD_GUESSES } from '../../core/interop/fields/header-guess';
import { listImportRuns } from '../../core/interop/fields/mapping-store';
import { FORMATS } from '../../core/interop/formats';
import { inspectImport, previewImport, runImport } from '../../core/interop/import-service';
import type { InteropFormat } from '../../core/interop/interop-schema';
import { SHEETS } from '../../core/interop/sheets/company-sheets';
import { message, messageOrText } from '../../core/messages';
import { chosenPaths } from '../chosen-paths';
import type { CallContext } from '../context';
import type { interopContract } from '../contract/interop';
import type { AreaHandlers } from './types';

const job = (ctx: CallContext) => ({ signal: ctx.signal, progress: ctx.progress });

export const interopHandlers: AreaHandlers<typeof interopContract> = {
  'interop.formats': (_input, { locale }) => ({
    formats: FORMATS.map((f) => ({ id: f.id, label: message(f.label, {}, locale), extensions: f.extensions })),
    fields: FIELD_GUESSES.map((g) => ({ field: g.field, label: messageOrText(g.label, {}, locale) })),
    entities: ENTITIES.map((e) => {
      const formats: InteropFormat[] = ['caseload'];
      if (SHEETS.some((s) => s.entity === e.key)) formats.push('csv', 'xlsx');
      return { key: e.key, label: message(e.label, {}, locale), formats };
    }),
  }),
  'interop.inspect': ({ path, options }, ctx) =>
    inspectImport(ctx.db, chosenPaths.fileToRead(ctx, path), options, ctx.locale),
  'interop.preview': ({ path, options, issueLimit }, ctx) =>
    previewImport(ctx.db, chosenPaths.fileToRead(ctx, path), options, {
      locale: ctx.locale,
      job: job(ctx),
      issueLimit,
    }),
  'interop.import': ({ path, options, issueLimit, fingerprint, onInvalid }, ctx) =>
    runImport(
      ctx.db,
      { path: chosenPaths.fileToRead(ctx, path), options, fingerprint, onInvalid },
      { locale: ctx.locale, job: job(ctx), issueLimit, beforeWrite: () => backupBeforeImport(ctx.db, ctx.dbPath) },
    ),
  'interop.export': ({ format, path, scope, entity, campaign }, ctx) =>
    runExport(
      ctx.db,
      { format, path: chosenPaths.fileToWrite(ctx, path), scope, entity, campaign },
      { locale: ctx.locale, job: job(ctx), appVersion: ctx.appVersion, nativeBinding: ctx.live?.nativeBinding },
    ),
  'interop.campaignScope': ({ scope }, { db }) => campaignScope(db, scope),
  'interop.history': ({ limit }, { db }) => listImportRuns(db, limit),
};
