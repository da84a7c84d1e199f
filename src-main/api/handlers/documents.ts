import { getDocument, listDocuments } from '../../core/documents/document-repo';
import { DOCUMENT_KINDS } from '../../core/documents/document-schema';
import { checkTemplate, copyTemplate, setLogo, setTemplate } from '../../core/documents/document-settings';
import { writeEmailDraft } from '../../core/documents/email-draft';
import { generateBatch, generateDocument, preflightBatch, preflightDocument } from '../../core/documents/generate';
import { knowledgeIntroduction } from '../../core/documents/knowledge-introduction';
import { networkInvitation } from '../../core/documents/network-invitation';
import { assertPdfPossible, makePdfs, pdfSettings, updatePdfSettings, withPdfs } from '../../core/documents/pdf';
import { templateInfo } from '../../core/documents/templates';
import { DomainError } from '../../core/errors';
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
  'documents.preflightBatch': ({ kind, companyIds, letter, networkId, meetingId }, { db, locale }) =>
    preflightBatch(db, kind, companyIds, locale, letter, { networkId, meetingId }),
  'documents.generate': async (req, ctx) => {
    assertPdfPossible(req.pdf);
    const doc = await generateDocument(ctx.db, { ...req, folder: folderFor(ctx, req.folder) }, ctx.locale);
    const { docs, problem } = await withPdfs(ctx.db, [doc], req.pdf, { signal: ctx.signal, locale: ctx.locale });
    return { ...(docs[0] ?? doc), ...(problem ? { pdfProblem: problem } : {}) };
  },
  'documents.generateBatch': async (req, ctx) => {
    assertPdfPossible(req.pdf);
    const opts = { signal: ctx.signal, progress: ctx.progress, locale: ctx.locale };
    const result = await generateBatch(ctx.db, { ...req, folder: folderFor(ctx, req.folder) }, opts);
    const { docs, problem } = await withPdfs(ctx.db, result.documents, req.pdf, opts);
    return { ...result, documents: docs, ...(problem ? { pdfProblem: problem } : {}) };
  },
  'documents.networkInvitation': (req, { db }) => networkInvitation(db, req),
  'documents.knowledgeIntroduction': ({ knowledgeContactId }, { db }) => knowledgeIntroduction(db, knowledgeContactId),
  'documents.pdf': ({ ids }, ctx) => makePdfs(ctx.db, ids, { signal: ctx.signal, progress: ctx.progress }),
  'documents.pdfSettings': (_, { db }) => pdfSettings(db),
  'documents.updatePdfSettings': (changes, { db }) => updatePdfSettings(db, changes),
  'documents.regenerate': ({ id, folder }, ctx) => {
    const { db, locale } = ctx;
    const d = getDocument(db, id);
    // The free letter's words live only in its file: there is nothing to make it from again.
    if (d.kind === 'brev') throw new DomainError('invalid_input', 'doc.brev.noRegenerate');
    // Which network a letter about one was written for is not kept: it is written again from the network.
    if (d.kindSubject === 'network') throw new DomainError('invalid_input', 'letterKind.network.noRegenerate');
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
