import type { correspondence as da } from '../da/correspondence';

export const correspondence: Record<keyof typeof da, string> = {
  'email.subject.vaeksthus': 'Referral of {company}',
  'email.subject.lag': 'Draft LAG application from {company}',
  'email.subject.visit-summary': 'Summary of our meeting, {company}',
  'email.subject.deminimis': 'De minimis declaration for {company}',
  'email.subject.brev': 'Letter to {company}',
  'email.greeting': 'Dear {name}',
  'email.greeting.anyone': 'Hello',
  'email.body.vaeksthus':
    '{greeting}\n\nWe hereby refer {company} to you. The referral letter with the firm’s details and needs is attached.\n\nDo write if anything is missing.\n\nKind regards\n{signature}',
  'email.body.lag':
    '{greeting}\n\nAttached is the draft LAG application from {company} with its budget and financing.\n\nDo write if you have questions.\n\nKind regards\n{signature}',
  'email.body.visit-summary':
    '{greeting}\n\nThank you for a good meeting. Attached is the summary with what we agreed.\n\nDo write if anything needs correcting.\n\nKind regards\n{signature}',
  'email.body.deminimis':
    '{greeting}\n\nAttached is the de minimis declaration for the firm to sign. It shows the aid we know of, the ceiling and the headroom. Add any other aid you have received before signing.\n\nKind regards\n{signature}',
  'email.body.brev': '{greeting}\n\nAttached is a letter from us.\n\nKind regards\n{signature}',
  'email.attachmentOtherFirm': 'The attachment {name} belongs to another firm',
  'email.attachmentMissing': 'The attachment {name} is no longer on disk; find it again under Attachments',
  'email.letterMissing': 'The letter is no longer at {path}; make it again first',
  'email.send': 'Send as e-mail',
  'email.dialogTitle': 'Send as e-mail',
  'email.intro': 'Bindeled writes an e-mail draft with {file} attached and opens it in your mail program.',
  'email.introBrowser':
    'Bindeled writes an e-mail draft with {file} attached; it is downloaded for you to open in your mail program.',
  'email.chooseAttachments': 'Also attach',
  'email.noAttachments': 'The firm has no attachments.',
  'email.attachmentMissingTag': 'missing',
  'email.write': 'Write e-mail',
  'email.writing': 'Writing …',
  'email.written': 'The e-mail draft {file} is written',
  'email.noRecipient': 'The recipient has no e-mail address in Bindeled; type it in the mail program.',
  'email.alsoDraft': 'Also write an e-mail draft for each letter',
  'leftovers.kind.pdf': 'PDF conversions',
  'pdf.notInstalled':
    'LibreOffice is not installed on this computer, so Bindeled cannot make PDFs. Get it free from libreoffice.org (Windows and macOS; on Linux the libreoffice package) and try again. The Word file is written as usual.',
  'pdf.failed': 'LibreOffice could not make the PDF: {reason}',
  'pdf.setting.notBoolean': 'must be true or false',
  'pdf.make': 'Make PDF',
  'pdf.making': 'Making PDF …',
  'pdf.written': 'The PDF {file} is written',
  'pdf.settingsTitle': 'PDF',
  'pdf.always': 'Always make a PDF beside the Word file',
  'pdf.found': 'LibreOffice is here: {path}',
  'pdf.alsoPdf': 'Also make a PDF of each letter',
  'pdf.batchDone': '{count} PDF files are written.',
};
