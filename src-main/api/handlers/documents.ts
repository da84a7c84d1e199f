import { getDocument, listDocuments } from '../../core/documents/document-repo';
import { DOCUMENT_KINDS } from '../../core/documents/document-schema';
import { checkTemplate, copyTemplate, setLogo, setTemplate } from '../../core/documents/document-settings';
import { writeEmailDraft } from '../../core/documents/email-draft';
import { generateBatch, generateDocument, preflightBatch, preflightDocument } from '../../core/documents/generate';
import { templateInfo } from '../../core/documents/templates';
import { chosenPaths } from '../chosen-paths';
import type { CallContext } from '../context';
import type { documentsContract } from '../contract/documents';
import type { AreaHandlers } from './types';

/** A folder asked for by the caller must have been chosen; left out, the documents folder is used. */
const folderFor = (ctx: CallContext, folder: string | undefined) =>
  folder ? chosenPaths.folderToWrite(ctx, folder) : undefined;

export const documentsHandlers: AreaHandlers<typeof documentsContract> = {
  'documents.list': ({ companyId }, { db }) => listDocuments(db, companyId),
  'documents.preflight': (req, { db, locale }) => preflightDocument(db, req, locale),
  'documents.preflightBatch': ({ kind, companyIds }, { db, locale }) => preflightBatch(db, kind, companyIds, locale),
  'documents.generate': (req, ctx) =>
    generateDocument(ctx.db, { ...req, folder: folderFor(ctx, req.folder) }, ctx.locale),
  'documents.generateBatch': (req, ctx) =>
    generateBatch(
      ctx.db,
      { ...req, folder: folderFor(ctx, req.folder) },
      { signal: ctx.signal, progress: ctx.progress, locale: ctx.locale },
    ),
  'documents.regenerate': ({ id, folder }, ctx) => {
    const { db, locale } = ctx;
    const d = getDocument(db, id);
    return generateDocument(
      db,
      {
        kind: d.kind,
        companyId: d.companyId,
        referralId: d.referralId ?? undefined,
        applicationId: d.lagApplicationId ?? undefined,
        visitId: d.visitId ?? undefined,
        folder: folderFor(ctx, folder),
      },
      locale,
    );
  },
  'documents.emailDraft': ({ id, attachmentIds }, { db }) => writeEmailDraft(db, id, attachmentIds),
  'documents.templates': (_, { db }) => DOCUMENT_KINDS.map((kind) => templateInfo(db, kind)),
  'documents.checkTemplate': ({ kind, path }, ctx) =>
    checkTemplate(ctx.db, kind, path === undefined ? path : chosenPaths.fileToRead(ctx, path), ctx.locale),
  'documents.setTemplate': ({ kind, path }, ctx) =>
    setTemplate(ctx.db, kind, path === null ? path : chosenPaths.fileToRead(ctx, path), ctx.locale),
  'documents.copyTemplate': ({ kind, folder }, ctx) => copyTemplate(ctx.db, kind, folderFor(ctx, folder)),
  'documents.setLogo': (input, ctx) =>
    setLogo(ctx.db, 'path' in input ? { path: chosenPaths.fileToRead(ctx, input.path) } : input),
};
