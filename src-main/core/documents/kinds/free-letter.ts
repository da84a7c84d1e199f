import { companyAddress, companyValues, contactValues, letterText, pickContact } from '../common-values';
import type { Issue, KindBuilder } from './kind-types';

/**
 * A free letter ("Brev") on the letterhead: the consultant types the subject and the text, and
 * the recipient is the firm itself unless another name and address are typed. Nothing but the
 * letterhead and the firm's own fields is filled from the database.
 */
export const buildFreeLetter: KindBuilder = (db, company, req) => {
  const missing: Issue[] = [];
  const warnings: Issue[] = [];
  const input = req.letter ?? {};
  const subject = (input.subject ?? '').trim();
  const body = (input.text ?? '').trim();
  const recipientName = (input.recipientName ?? '').trim() || company.name;
  const recipientAddress = (input.recipientAddress ?? '').trim() || companyAddress(company);
  if (!subject) missing.push({ key: 'doc.missing.subject' });
  if (!body) missing.push({ key: 'doc.missing.body' });
  if (!recipientAddress) warnings.push({ key: 'doc.missing.recipientAddress' });
  return {
    text: {
      ...companyValues(company),
      ...contactValues(pickContact(db, company.id, undefined)),
      recipient_name: recipientName,
      recipient_address: recipientAddress,
      subject,
      body,
    },
    rows: {},
    missing,
    warnings,
    sources: { referralId: null, lagApplicationId: null, visitId: null },
    fileStem: letterText('letter.brev.fileStem', {
      company: company.name,
      // A long subject would push the date out of the file name (safeFileName keeps 120 characters).
      subject: subject.slice(0, 60).trim(),
    }),
    title: subject || letterText('doc.title.brev'),
  };
};
