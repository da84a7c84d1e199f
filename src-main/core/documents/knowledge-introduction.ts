import type { Database } from 'better-sqlite3';
import { get } from '../db/sql';
import { getKnowledgeContact } from '../knowledge/knowledge-repo';
import { companyAddress, letterText, pickContact } from './common-values';
import type { KnowledgeIntroduction } from './document-schema';

/**
 * A free letter (`brev`) introducing a firm to the knowledge institution of one of its knowledge
 * contacts: addressed to the person and the institution, about the contact's topic, naming the
 * firm's contact person. The consultant changes the words before the letter is made.
 */
export function knowledgeIntroduction(db: Database, knowledgeContactId: number): KnowledgeIntroduction {
  const k = getKnowledgeContact(db, knowledgeContactId);
  const org =
    k.organisationId === null
      ? undefined
      : get<{ address: string | null; postcode: string | null; city: string | null }>(
          db,
          'SELECT address, postcode, city FROM organisations WHERE id = ?',
          [k.organisationId],
        );
  const person = pickContact(db, k.companyId, undefined);
  const reach = [person?.phone, person?.email].filter(Boolean).join(', ');
  const lines = [
    k.personName ? letterText('email.greeting', { name: k.personName }) : letterText('email.greeting.anyone'),
    letterText('letter.introduction.firm', { company: k.companyName }),
    k.topic ? letterText('letter.introduction.topic', { topic: k.topic }) : '',
    person
      ? letterText(reach ? 'letter.introduction.contactReach' : 'letter.introduction.contact', {
          name: person.name,
          reach,
        })
      : '',
    letterText('letter.introduction.close'),
  ];
  return {
    companyId: k.companyId,
    recipientName: k.organisationName ?? k.personName ?? '',
    recipientAddress: org ? companyAddress(org) : '',
    subject: letterText('letter.introduction.subject', { company: k.companyName }),
    text: lines.filter(Boolean).join('\n\n'),
  };
}
