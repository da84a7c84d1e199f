import { getDocument, listDocuments } from '../../core/documents/document-repo';
import { DOCUMENT_KINDS } from '../../core/documents/document-schema';
import { checkTemplate, copyTemplate, setLogo, setTemplate } from '../../core/documents/document-settings';
import { generateBatch, generateDocument, preflightBatch, preflightDocument } from '../../core/documents/generate';
import { templateInfo } from '../../core/documents/templates';
import type { documentsContract } from '../contract/documents';
import type { AreaHandlers } from './types';

export const documentsHandlers: AreaHandlers<typeof documentsContract> = {
  'documents.list': ({ companyId }, { db }) => listDocuments(db, companyId),
  'documents.preflight': (req, { db, locale }) => preflightDocument(db, req, locale),
  'documents.preflightBatch': ({ kind, companyIds }, { db, locale }) => preflightBatch(db, kind, companyIds, locale),
  'documents.generate': (req, { db, locale }) => generateDocument(db, req, locale),
  'documents.generateBatch': (req, { db, locale, signal, progress }) =>
    generateBatch(db, req, { signal, progress, locale }),
  'documents.regenerate': ({ id, folder }, { db, locale }) => {
    const d = getDocument(db, id);
    return generateDocument(
      db,
      {
        kind: d.kind,
        companyId: d.companyId,
        referralId: d.referralId ?? undefined,
        applicationId: d.lagApplicationId ?? undefined,
        visitId: d.visitId ?? undefined,
        folder,
      },
      locale,
    );
  },
  'documents.templates': (_, { db }) => DOCUMENT_KINDS.map((kind) => templateInfo(db, kind)),
  'documents.checkTemplate': ({ kind, path }, { db, locale }) => checkTemplate(db, kind, path, locale),
  'documents.setTemplate': ({ kind, path }, { db, locale }) => setTemplate(db, kind, path, locale),
  'documents.copyTemplate': ({ kind, folder }, { db }) => copyTemplate(db, kind, folder),
  'documents.setLogo': (input, { db }) => setLogo(db, input),
};
