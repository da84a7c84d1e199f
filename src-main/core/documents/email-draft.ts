import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { wrap as wrapBase64 } from 'nodemailer/lib/base64';
import { buildHeaderValue, detectMimeType, encodeWord, foldLines, quoteString } from 'nodemailer/lib/mime-funcs';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';
import { getAttachment } from '../attachments/attachment-repo';
import { blobPath, storeOf } from '../attachments/attachment-store';
import { get } from '../db/sql';
import { DomainError, invalidField } from '../errors';
import { letterText, pickContact } from './common-values';
import { getDocument } from './document-repo';
import type { DocumentKind, EmailDraft, GeneratedDocument } from './document-schema';
import { type Letterhead, readLetterhead } from './letterhead';
import { BatchFiles, recordLetterCopy, type WrittenFile } from './write-file';

/** Who a letter goes to: the organisation it is addressed to, or the firm's contact person. */
export interface Recipient {
  name: string;
  /** Null when none is recorded: the draft then opens without a To for the consultant to fill in. */
  email: string | null;
}

export interface DraftFile {
  fileName: string;
  content: Buffer;
}

export interface DraftInput {
  from: Recipient | null;
  to: Recipient | null;
  subject: string;
  text: string;
  files: readonly DraftFile[];
}

/**
 * Header text from user data on one line: a firm named "A\r\nBcc: x@y" must not add a header, so
 * every line break and control character becomes a space before nodemailer encodes the value.
 */
export function headerText(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** A plain address (local@domain) or null: anything that could carry a second address or a header is refused. */
export function plainAddress(value: string | null | undefined): string | null {
  const v = (value ?? '').trim();
  return /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+\.[^\s@<>(),;:"\\[\]]+$/.test(v) ? v : null;
}

/** An address header's value: the name as MIME words (so no character of it is syntax), then the address. */
function addressOf(r: Recipient | null): string | undefined {
  const address = plainAddress(r?.email);
  if (!(r && address)) return undefined;
  const name = headerText(r.name);
  if (!name) return address;
  // The whole name quoted, or as base64 MIME words: a ':' or ',' left bare would be address syntax.
  return `${/^[\x20-\x7e]*$/.test(name) ? quoteString(name) : encodeWord(name, 'B', 52)} <${address}>`;
}

const CRLF = '\r\n';

/** Unstructured header text: as it is when printable ASCII, else as MIME words throughout. */
const plainHeader = (value: string) => (/^[\x20-\x7e]*$/.test(value) ? value : encodeWord(value, 'Q', 52));

/** One header line, folded at 76 characters as RFC 5322 asks. */
const header = (key: string, value: string) => foldLines(`${key}: ${value}`, 76).replace(/\r?\n/g, CRLF);

/**
 * The `.eml` draft: `X-Unsent: 1` makes Outlook (and Thunderbird, Apple Mail) open it as a new
 * message to send rather than as a received one. Written in one pass with nodemailer's own
 * encoders (MIME words for names and subject, quoted-printable text, base64 files, RFC 2231 file
 * names): its streaming composer cost more per draft than the letter itself in a batch.
 */
export function composeDraft(input: DraftInput): Buffer {
  const boundary = `--_Bindeled_${randomBytes(12).toString('hex')}`;
  const from = addressOf(input.from);
  const to = addressOf(input.to);
  const head = [
    header('Content-Type', `multipart/mixed; boundary="${boundary}"`),
    from ? header('From', from) : null,
    to ? header('To', to) : null,
    header('Subject', plainHeader(headerText(input.subject))),
    header('Message-ID', `<${randomUUID()}@bindeled>`),
    header('X-Unsent', '1'),
    header('Date', new Date().toUTCString().replace(/GMT/, '+0000')),
    header('MIME-Version', '1.0'),
  ].filter((h): h is string => h !== null);
  const parts: Array<string | Buffer> = [head.join(CRLF), CRLF, CRLF];
  parts.push(
    `--${boundary}${CRLF}`,
    header('Content-Type', 'text/plain; charset=utf-8'),
    CRLF,
    header('Content-Transfer-Encoding', 'quoted-printable'),
    CRLF,
    CRLF,
    qpWrap(qpEncode(input.text.replace(/\r?\n/g, CRLF)), 76).replace(/\r?\n/g, CRLF),
    CRLF,
  );
  for (const f of input.files) {
    const filename = headerText(f.fileName);
    const type = detectMimeType(filename) || 'application/octet-stream';
    parts.push(
      `--${boundary}${CRLF}`,
      header('Content-Type', buildHeaderValue({ value: type, params: { name: filename } })),
      CRLF,
      header('Content-Transfer-Encoding', 'base64'),
      CRLF,
      header('Content-Disposition', buildHeaderValue({ value: 'attachment', params: { filename } })),
      CRLF,
      CRLF,
      wrapBase64(f.content.toString('base64'), 76).replace(/\r?\n/g, CRLF),
      CRLF,
    );
  }
  parts.push(`--${boundary}--${CRLF}`);
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
}

/** The organisation a referral or LAG draft is written to, else the firm's contact person. */
export function recipientOf(db: Database, doc: GeneratedDocument): Recipient | null {
  const orgId =
    (doc.kind === 'vaeksthus' || doc.kindName !== null) && doc.referralId !== null
      ? get<{ id: number }>(db, 'SELECT organisation_id AS id FROM referrals WHERE id = ?', [doc.referralId])?.id
      : (doc.kind === 'lag' || doc.kindName !== null) && doc.lagApplicationId !== null
        ? get<{ id: number }>(db, 'SELECT lag_id AS id FROM lag_applications WHERE id = ?', [doc.lagApplicationId])?.id
        : undefined;
  if (orgId !== undefined) {
    const org = get<{ name: string; email: string | null }>(db, 'SELECT name, email FROM organisations WHERE id = ?', [
      orgId,
    ]);
    if (org) return { name: org.name, email: org.email };
  }
  const contact = pickContact(db, doc.companyId, undefined);
  return contact ? { name: contact.name, email: contact.email } : null;
}

function senderOf(lh: Pick<Letterhead, 'signatureName' | 'organisation' | 'signatureEmail' | 'email'>): Recipient {
  return { name: lh.signatureName || lh.organisation, email: lh.signatureEmail || lh.email || null };
}

/** Subject and body of a kind's draft, in Danish like the letter itself. */
export function draftWords(
  doc: Pick<GeneratedDocument, 'kind' | 'kindName'>,
  companyName: string,
  to: Recipient | null,
  lh: Pick<Letterhead, 'signatureName' | 'signatureTitle' | 'organisation'>,
): { subject: string; text: string } {
  const signature = [lh.signatureName, lh.signatureTitle, lh.organisation].filter(Boolean).join('\n');
  return {
    // A consultant's own kind is named in the subject; its body is the free letter's.
    subject:
      doc.kindName === null
        ? letterText(`email.subject.${doc.kind as DocumentKind}`, { company: headerText(companyName) })
        : letterText('email.subject.custom', { kind: headerText(doc.kindName), company: headerText(companyName) }),
    text: letterText(`email.body.${doc.kindName === null ? (doc.kind as DocumentKind) : 'brev'}`, {
      greeting: to?.name ? letterText('email.greeting', { name: to.name }) : letterText('email.greeting.anyone'),
      company: companyName,
      signature,
    }),
  };
}

export interface DraftContext {
  db: Database;
  lh: Letterhead;
}

/** The draft of one letter, its bytes given (a batch has them in memory; a single draft reads the file). */
export function draftFor(
  ctx: DraftContext,
  doc: Pick<
    GeneratedDocument,
    'kind' | 'kindName' | 'companyId' | 'companyName' | 'referralId' | 'lagApplicationId' | 'fileName'
  >,
  letter: Buffer,
  extra: readonly DraftFile[] = [],
): Buffer {
  const to = recipientOf(ctx.db, doc as GeneratedDocument);
  const words = draftWords(doc, doc.companyName, to, ctx.lh);
  return composeDraft({
    from: senderOf(ctx.lh),
    to,
    ...words,
    files: [{ fileName: doc.fileName, content: letter }, ...extra],
  });
}

function attachmentFiles(db: Database, companyId: number, ids: readonly number[]): DraftFile[] {
  const store = storeOf(db);
  return [...new Set(ids)].map((id) => {
    const a = getAttachment(db, id);
    if (a.companyId !== companyId) throw invalidField('attachmentIds', 'email.attachmentOtherFirm', { name: a.name });
    if (a.missing || !store) throw invalidField('attachmentIds', 'email.attachmentMissing', { name: a.name });
    return { fileName: a.name, content: fs.readFileSync(blobPath(store, a.sha256)) };
  });
}

/**
 * Writes the e-mail draft of a written letter beside it ("….eml"), with the chosen attachments of
 * the firm, crash-safely like the letter itself.
 */
export async function writeEmailDraft(
  db: Database,
  documentId: number,
  attachmentIds: readonly number[] = [],
): Promise<EmailDraft> {
  const doc = getDocument(db, documentId);
  if (!doc.exists) throw new DomainError('not_found', 'email.letterMissing', { path: doc.path });
  const extra = attachmentFiles(db, doc.companyId, attachmentIds);
  const lh = readLetterhead(db);
  const bytes = draftFor({ db, lh }, doc, fs.readFileSync(doc.path), extra);
  const dir = path.dirname(doc.path);
  const files = new BatchFiles(db, dir, 1);
  try {
    files.add(path.basename(doc.path, path.extname(doc.path)), bytes, 'eml');
    files.flushSync();
    const file = files.commit((written) => {
      const f = written[0] as WrittenFile;
      recordLetterCopy(db, doc, f, 'email-draft');
      return f;
    });
    const to = recipientOf(db, doc);
    return {
      path: file.path,
      fileName: file.fileName,
      to: plainAddress(to?.email),
      attachments: extra.length + 1,
    };
  } catch (err) {
    files.discard();
    throw err;
  }
}
