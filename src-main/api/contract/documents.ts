import { z } from 'zod';
import {
  type BatchPreflight,
  type BatchResult,
  checkTemplateSchema,
  copyTemplateSchema,
  documentListSchema,
  type EmailDraft,
  emailDraftSchema,
  type GeneratedDocument,
  generateBatchSchema,
  generateSchema,
  type KnowledgeIntroduction,
  knowledgeIntroductionSchema,
  type NetworkInvitation,
  networkInvitationSchema,
  type PdfResult,
  type PdfSettings,
  type Preflight,
  pdfSchema,
  pdfSettingsSchema,
  preflightBatchSchema,
  preflightSchema,
  setLogoSchema,
  setTemplateSchema,
  type TemplateCheck,
  type TemplateInfo,
} from '../../core/documents/document-schema';
import { method, NO_ACCESS_LOG } from './define';

/**
 * Settings for the letterhead and documents, merged into `settings.update`/`settings.get`.
 * `letterhead.logoPath` is best set through `documents.setLogo` (which checks the image);
 * `documents.template.<kind>` through `documents.setTemplate` (which checks the template).
 */
export const documentSettingsShape = {
  'letterhead.organisation': z.string().trim().max(200).optional(),
  'letterhead.address': z.string().trim().max(300).optional(),
  'letterhead.phone': z.string().trim().max(40).optional(),
  'letterhead.email': z.string().trim().max(200).optional(),
  'letterhead.logoPath': z.string().trim().max(1000).optional(),
  'letterhead.signatureName': z.string().trim().max(100).optional(),
  'letterhead.signatureTitle': z.string().trim().max(100).optional(),
  'letterhead.signaturePhone': z.string().trim().max(40).optional(),
  'letterhead.signatureEmail': z.string().trim().max(200).optional(),
  'documents.folder': z.string().trim().max(1000).optional(),
  'documents.template.vaeksthus': z.string().trim().max(1000).optional(),
  'documents.template.lag': z.string().trim().max(1000).optional(),
  'documents.template.visit-summary': z.string().trim().max(1000).optional(),
} as const;
export const DOCUMENT_SETTING_KEYS = Object.keys(documentSettingsShape) as Array<keyof typeof documentSettingsShape>;

export const documentsContract = {
  /** The documents written for a company, newest first, with `exists` false for moved files. */
  'documents.list': method(documentListSchema).returns<GeneratedDocument[]>(NO_ACCESS_LOG),
  /** What is missing before a document can be made (Danish/English text per item); writes nothing. */
  'documents.preflight': method(preflightSchema).returns<Preflight>(NO_ACCESS_LOG),
  'documents.preflightBatch': method(preflightBatchSchema).returns<BatchPreflight>(NO_ACCESS_LOG),
  'documents.generate': method(generateSchema).returns<GeneratedDocument>({
    access: 'export',
    facts: (i, o) => ({ companies: [i.companyId], file: o.path }),
  }),
  /** A job: progress events per document, `jobs.cancel` deletes what was written; all or nothing. */
  'documents.generateBatch': method(generateBatchSchema, { job: true }).returns<BatchResult>({
    access: 'export',
    facts: (i) => ({ companies: i.companyIds }),
  }),
  /** The words and members of a network meeting's invitation, for `documents.generateBatch` with kind `brev`. */
  'documents.networkInvitation': method(networkInvitationSchema).returns<NetworkInvitation>(NO_ACCESS_LOG),
  /** The words of a free letter introducing the firm of a knowledge contact to its institution. */
  'documents.knowledgeIntroduction': method(knowledgeIntroductionSchema).returns<KnowledgeIntroduction>(NO_ACCESS_LOG),
  /** Makes the same kind of document again from the current data. */
  'documents.regenerate': method(
    z.object({ id: z.number().int().positive(), folder: z.string().max(1000).optional() }),
  ).returns<GeneratedDocument>({ access: 'export', facts: (_, o) => ({ file: o.path }) }),
  /** Writes the letter's e-mail draft (`.eml`, the letter and chosen attachments attached) beside it. */
  'documents.emailDraft': method(emailDraftSchema).returns<EmailDraft>({
    access: 'export',
    facts: (_, o) => ({ file: o.path }),
  }),
  /** A job: a PDF beside each letter, made by LibreOffice in the background; progress per letter, cancellable. */
  'documents.pdf': method(pdfSchema, { job: true }).returns<PdfResult>({
    access: 'export',
    facts: (_, o) => ({ file: o.files[0]?.path }),
  }),
  /** Whether LibreOffice is installed here, and whether every letter gets a PDF. */
  'documents.pdfSettings': method(z.object({})).returns<PdfSettings>(NO_ACCESS_LOG),
  'documents.updatePdfSettings': method(pdfSettingsSchema).returns<PdfSettings>(NO_ACCESS_LOG),
  'documents.templates': method(z.object({})).returns<TemplateInfo[]>(NO_ACCESS_LOG),
  'documents.checkTemplate': method(checkTemplateSchema).returns<TemplateCheck>(NO_ACCESS_LOG),
  /** Uses a consultant's own .docx for a kind (checked first), or the shipped one again with `path: null`. */
  'documents.setTemplate': method(setTemplateSchema).returns<TemplateCheck>(NO_ACCESS_LOG),
  /** Writes a copy of the shipped template to edit in Word; the copy may then be opened with files.open. */
  'documents.copyTemplate': method(copyTemplateSchema).returns<{ path: string }>(NO_ACCESS_LOG),
  /** Stores the letterhead logo (PNG/JPEG/GIF, at most 2 MB) beside the database. */
  'documents.setLogo': method(setLogoSchema).returns<{ path: string | null; width: number; height: number }>(
    NO_ACCESS_LOG,
  ),
} as const;

export type {
  BatchPreflight,
  BatchResult,
  DocumentKind,
  EmailDraft,
  GeneratedDocument,
  KnowledgeIntroduction,
  LetterKindRef,
  NetworkInvitation,
  PdfResult,
  PdfSettings,
  PlaceholderInfo,
  Preflight,
  PreflightIssue,
  TemplateCheck,
  TemplateInfo,
} from '../../core/documents/document-schema';
