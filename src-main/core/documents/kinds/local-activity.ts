import type { Database } from 'better-sqlite3';
import { formatDateDa } from '../../../../src-shared/format/dates';
import { all } from '../../db/sql';
import { listKnowledgeContacts } from '../../knowledge/knowledge-repo';
import { membershipsOf } from '../../networks/network-repo';
import { visitSource } from '../visit-source';

const VISIT_TYPE_DA = { visit: 'Besøg', phone: 'Telefonsamtale', meeting: 'Møde', email: 'E-mail' } as const;
const KNOWLEDGE_TYPE_DA = {
  institution: 'videninstitution',
  researcher: 'forsker',
  mentor: 'mentor',
  other: 'videnkilde',
} as const;
const LAG_STATUS_DA: Record<string, string> = {
  idea: 'idé',
  drafting: 'under udarbejdelse',
  submitted: 'indsendt',
  recommended: 'indstillet',
  approved: 'godkendt',
  rejected: 'afvist',
  paid: 'udbetalt',
  closed: 'afsluttet',
};

/**
 * "What was done locally" (DOMAIN.md): visits, LAG applications, knowledge contacts and networks,
 * oldest first, as the referral letter lists them.
 */
export function localActivity(db: Database, companyId: number): Array<{ date: string; text: string }> {
  const items: Array<{ iso: string; text: string }> = [];
  for (const v of visitSource().activity(db, companyId)) items.push({ iso: v.date, text: VISIT_TYPE_DA[v.type] });
  for (const a of all<{ title: string; lag: string; status: string; at: string }>(
    db,
    `SELECT a.title, o.name AS lag, a.status, coalesce(a.submitted_at, substr(a.created_at, 1, 10)) AS at
     FROM lag_applications a JOIN organisations o ON o.id = a.lag_id WHERE a.company_id = ?`,
    [companyId],
  )) {
    items.push({
      iso: a.at,
      text: `LAG-ansøgning til ${a.lag}: »${a.title}« (${LAG_STATUS_DA[a.status] ?? a.status})`,
    });
  }
  for (const k of listKnowledgeContacts(db, { companyId })) {
    const who = [k.personName, k.organisationName].filter(Boolean).join(', ');
    const topic = k.topic ? `: ${k.topic}` : '';
    items.push({ iso: k.contactOn, text: `Kontakt til ${KNOWLEDGE_TYPE_DA[k.type]} ${who}${topic}` });
  }
  for (const m of membershipsOf(db, companyId)) {
    const left = m.leftOn ? ` (udtrådt ${formatDateDa(m.leftOn)})` : '';
    items.push({ iso: m.joinedOn, text: `Medlem af netværket »${m.networkName}«${left}` });
  }
  items.sort((a, b) => a.iso.localeCompare(b.iso));
  return items.map((i) => ({ date: formatDateDa(i.iso), text: i.text }));
}
