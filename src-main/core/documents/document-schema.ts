import { z } from 'zod';
/** The three documents Bindeled writes; the ids are also the CLI's `--kind` values. */
import {
  CUSTOM_KIND,
  type CustomKindRef,
  DOCUMENT_KINDS,
  type DocumentKind,
  type LetterKindRef,
  type LetterSubject,
} from '../../../src-shared/codes/documents';
import type { MessageKey } from '../../../src-shared/messages';
import { dateField, idField } from '../referrals/outreach-fields';
import type { PlaceholderSource } from './placeholders';

export { DOCUMENT_KINDS, type DocumentKind, type LetterKindRef };

/** A built-in kind, or a consultant's own as `custom:<id>` (core/documents/letter-kinds.ts). */
const builtinKind = z.enum(DOCUMENT_KINDS);
const kind = z.union([
  builtinKind,
  z.custom<CustomKindRef>((v) => typeof v === 'string' && CUSTOM_KIND.test(v), 'letterKind.unknown'),
]);
const folder = z.string().trim().min(1).max(1000);

/** Which record a document is made from; the newest suitable one when left out. */
const sources = {
  referralId: idField.optional(),
  applicationId: idField.optional(),
  visitId: idField.optional(),
  /** For a consultant's kind about a network: the network (the firm must be a member) and its meeting. */
  networkId: idField.optional(),
  meetingId: idField.optional(),
};

/** A free letter's words ("Brev"); the recipient is the firm itself when left out. */
const letter = z
  .object({
    subject: z.string().max(300).optional(),
    text: z.string().max(20_000).optional(),
    recipientName: z.string().max(300).optional(),
    recipientAddress: z.string().max(1000).optional(),
  })
  .optional();

export const preflightSchema = z.object({ kind, companyId: idField, ...sources, letter });
export const preflightBatchSchema = z.object({
  kind,
  companyIds: z.array(idField).min(1).max(10_000),
  letter,
  networkId: sources.networkId,
  meetingId: sources.meetingId,
});
/** What writing a letter adds to its preflight, for one letter and a batch alike. */
const writing = {
  /** Where to write; the documents folder from settings when left out. */
  folder: folder.optional(),
  /** The date printed in the letter; today when left out. */
  letterDate: dateField.optional(),
  /** Also write the letter's e-mail draft beside it (an `.eml` with the letter attached). */
  email: z.boolean().optional(),
  /** Also make a PDF beside it (LibreOffice); left out, the setting `documents.alwaysPdf` decides. */
  pdf: z.boolean().optional(),
};
export const generateSchema = preflightSchema.extend(writing);
export const generateBatchSchema = preflightBatchSchema.extend({
  ...writing,
  /** Make the documents that can be made and list the rest, rather than refusing the whole batch. */
  skipIncomplete: z.boolean().optional(),
});
export const networkInvitationSchema = z.object({ networkId: idField, meetingId: idField.optional() });
/** The words and the firms of a network meeting's invitation: one free letter per member. */
export interface NetworkInvitation {
  networkName: string;
  /** The firms that are members now (not those that have left). */
  companyIds: number[];
  meetingId: number | null;
  subject: string;
  text: string;
}

export const knowledgeIntroductionSchema = z.object({ knowledgeContactId: idField });

/** The words of a free letter introducing a firm to a knowledge institution, for `documents.generate`. */
export interface KnowledgeIntroduction {
  companyId: number;
  recipientName: string;
  recipientAddress: string;
  subject: string;
  text: string;
}
export const pdfSchema = z.object({ ids: z.array(idField).min(1).max(10_000) });
export const pdfSettingsSchema = z.object({ alwaysPdf: z.boolean().optional() });

/** PDF copies of letters (LibreOffice). */
export interface PdfResult {
  files: Array<{ id: number; path: string }>;
  elapsedMs: number;
}

export interface PdfSettings {
  /** Make a PDF beside every letter written. */
  alwaysPdf: boolean;
  /** LibreOffice was found on this computer. */
  available: boolean;
  /** Where, for the Settings page. */
  soffice: string | null;
}
export const emailDraftSchema = z.object({
  /** The written letter to send. */
  id: idField,
  /** Attachments of the same firm to send with it. */
  attachmentIds: z.array(idField).max(100).optional(),
});

/** An e-mail draft written beside its letter. */
export interface EmailDraft {
  path: string;
  fileName: string;
  /** The address it is written to; null when none is recorded (the consultant types it in the mail program). */
  to: string | null;
  /** Files attached: the letter and the chosen attachments. */
  attachments: number;
}
export const documentListSchema = z.object({ companyId: idField });
export const checkTemplateSchema = z.object({
  /** A consultant's own kind keeps its template under Settings › "Egne brevtyper" (letterKinds.*). */
  kind: builtinKind,
  /** A .docx to check; the template in use for this kind when left out. */
  path: z.string().trim().min(1).max(1000).optional(),
});
export const setTemplateSchema = z.object({ kind: builtinKind, path: z.string().trim().min(1).max(1000).nullable() });
export const copyTemplateSchema = z.object({ kind: builtinKind, folder: folder.optional() });
export const setLogoSchema = z.union([
  z.object({ path: z.string().trim().min(1).max(1000) }),
  /** Browser mode uploads the bytes. */
  z.object({ base64: z.string().min(1).max(3_000_000), fileName: z.string().max(200).optional() }),
  z.object({ clear: z.literal(true) }),
]);

export interface GeneratedDocument {
  id: number;
  uuid: string;
  companyId: number;
  companyName: string;
  kind: LetterKindRef;
  /** The consultant's name for the kind (`custom:<id>`); null for a built-in kind. */
  kindName: string | null;
  /** What the consultant's kind is about; null for a built-in kind. */
  kindSubject: LetterSubject | null;
  path: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  templateId: string;
  referralId: number | null;
  lagApplicationId: number | null;
  visitId: number | null;
  letterDate: string;
  createdAt: string;
  /** Set when the name the document should have had was taken (an earlier letter, one open in Word). */
  takenName?: string;
  /** False when the file has been moved or deleted since it was written. */
  exists: boolean;
  /** The e-mail draft written with it, when one was asked for. */
  emailDraft?: string;
  /** Its PDF copy, when one was made with it. */
  pdf?: string;
  /** Why the PDF the setting asks for was not made (LibreOffice missing); the letter itself is written. */
  pdfProblem?: string;
}

/** `code` is the message key `message` was written from. */
export interface PreflightIssue {
  code: MessageKey;
  message: string;
}

export interface Preflight {
  kind: LetterKindRef;
  companyId: number;
  companyName: string;
  /** True when nothing blocks the document; warnings may remain. */
  ready: boolean;
  missing: PreflightIssue[];
  warnings: PreflightIssue[];
}

export interface BatchPreflight {
  ready: number[];
  blocked: Array<{ companyId: number; companyName: string; missing: PreflightIssue[] }>;
}

export interface BatchResult {
  /** Each with its `emailDraft` when the batch was asked for e-mail drafts. */
  documents: GeneratedDocument[];
  skipped: BatchPreflight['blocked'];
  elapsedMs: number;
  /** Why the PDFs the setting asks for were not made; the letters themselves are written. */
  pdfProblem?: string;
}

export interface PlaceholderInfo {
  /** As written in the template without braces, such as `company_name` or `budget.amount`. */
  key: string;
  /** Its human name, in Danish (`placeholder.<key>`). */
  description: string;
  /** What it looks like in a letter, in Danish (`placeholderExample.<key>`). */
  example: string;
  /** Where its value is read from. */
  source: PlaceholderSource;
  /** A template without it cannot make a usable document. */
  required: boolean;
}

export interface TemplateCheck {
  kind: LetterKindRef;
  path: string;
  builtin: boolean;
  /** True when the template can be used: readable, no unknown fields, every required field present. */
  ok: boolean;
  found: string[];
  /** Known fields the template does not have (the document will simply not show them). */
  missing: string[];
  missingRequired: string[];
  /** Fields Bindeled would leave unfilled; such a template is refused. */
  unknown: string[];
  problems: PreflightIssue[];
}

export interface TemplateInfo {
  kind: DocumentKind;
  label: string;
  builtinPath: string;
  customPath: string | null;
  placeholders: PlaceholderInfo[];
}
