import { customKindId } from '../../../src-shared/codes/documents';
import type { Company, GeneratedDocument } from '../../api/contract';
import { DOCUMENT_KINDS, type DocumentKind, type LetterKindRef } from '../../core/documents/document-schema';
import { message } from '../../core/messages';
import { call, command, lookupCompany, UsageError } from '../cli-context';
import { printResult } from '../output';
import { BELONGS_TO, belongsTo, idFlag, parseFlags } from '../parse';

/**
 * `letter --kind vaeksthus|lag|visit-summary|deminimis|brev|custom:ID --company CVR|ID --out DIR`: writes the
 * document(s) and prints their paths; a free letter (`brev`) takes its words from `--subject`,
 * `--text`, `--to` and `--address`. Several `--company` make one all-or-nothing batch; `--email` also writes
 * each letter's e-mail draft beside it (with `--attachment ID` of the firm's attachments), `--pdf`
 * a PDF copy (LibreOffice).
 */
export const letterCommand = command('letter', async (args, ctx) => {
  const { values } = parseFlags(args, {
    string: ['kind', 'out', 'date', 'subject', 'text', 'to', 'address', 'network', 'meeting', ...BELONGS_TO],
    multiple: ['company', 'attachment'],
    boolean: ['json', 'email', 'pdf'],
  });
  const kind = values.kind as LetterKindRef | undefined;
  if (!kind || !(DOCUMENT_KINDS.includes(kind as DocumentKind) || customKindId(kind) !== null)) {
    throw new UsageError(message('cli.letter.kindRequired', { kinds: [...DOCUMENT_KINDS, 'custom:ID'].join('|') }));
  }
  const own = customKindId(kind) !== null;
  const words = {
    subject: values.subject,
    text: values.text,
    recipientName: values.to,
    recipientAddress: values.address,
  };
  const typed = Object.values(words).some((v) => v !== undefined);
  if (typed && kind !== 'brev') throw new UsageError(message('cli.letter.brevOnly'));
  // A network's members get an invitation (brev) or a letter of the consultant's own kind about it.
  if ((values.network ?? values.meeting) !== undefined && kind !== 'brev' && !own)
    throw new UsageError(message('cli.letter.brevOnly'));
  const refs = values.company ?? [];
  if (values.network !== undefined && refs.length) throw new UsageError(message('cli.letter.networkOrCompany'));
  if (values.meeting !== undefined && values.network === undefined)
    throw new UsageError(message('cli.letter.meetingNeedsNetwork'));
  if (values.network === undefined && refs.length === 0) throw new UsageError(message('cli.letter.companyRequired'));
  if (!values.out) throw new UsageError(message('cli.letter.outRequired'));
  const attachmentIds = (values.attachment ?? []).map((a) => idFlag(a, '--attachment') as number);
  if (attachmentIds.length && !values.email) throw new UsageError(message('cli.letter.attachmentNeedsEmail'));
  if (attachmentIds.length && refs.length > 1) throw new UsageError(message('cli.letter.attachmentOneCompany'));
  const companies: Array<Pick<Company, 'id'>> = [];
  for (const ref of refs) companies.push(await lookupCompany(ctx, ref));
  const networkId = idFlag(values.network, '--network');
  const meetingId = idFlag(values.meeting, '--meeting');
  if (networkId !== undefined) {
    // An invitation to the network's meeting, to every member: its words unless others are typed.
    const invitation = await call(ctx, 'documents.networkInvitation', { networkId, meetingId });
    words.subject ??= invitation.subject;
    words.text ??= invitation.text;
    companies.push(...invitation.companyIds.map((id) => ({ id })));
  }
  const common = {
    kind,
    ...(own ? { networkId, meetingId } : {}),
    folder: values.out,
    letterDate: values.date,
    email: values.email,
    pdf: values.pdf,
    ...(kind === 'brev' ? { letter: words } : {}),
  };
  let docs: GeneratedDocument[];
  if (companies.length === 1 && networkId === undefined) {
    const doc = await call(ctx, 'documents.generate', {
      ...common,
      // Chosen attachments go into a draft written from the letter on disk.
      email: values.email && attachmentIds.length === 0,
      companyId: companies[0]?.id ?? 0,
      ...belongsTo(values),
    });
    const draft = attachmentIds.length ? await call(ctx, 'documents.emailDraft', { id: doc.id, attachmentIds }) : null;
    docs = [draft ? { ...doc, emailDraft: draft.path } : doc];
  } else {
    const batch = await call(ctx, 'documents.generateBatch', { ...common, companyIds: companies.map((c) => c.id) });
    docs = batch.documents.map((d) => (batch.pdfProblem ? { ...d, pdfProblem: batch.pdfProblem } : d));
  }
  // The setting asked for PDFs LibreOffice cannot make: the letters are written, say why no PDF.
  const pdfProblem = docs.find((d) => d.pdfProblem)?.pdfProblem;
  if (pdfProblem) ctx.err(pdfProblem);
  return printResult(ctx, values.json, docs, () => {
    for (const d of docs) {
      ctx.out(d.path);
      if (d.emailDraft) ctx.out(d.emailDraft);
      if (d.pdf) ctx.out(d.pdf);
    }
  });
});
