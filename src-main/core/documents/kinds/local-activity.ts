import type { Database } from 'better-sqlite3';
import { LAG_STATUSES } from '../../../../src-shared/codes/outreach';
import { formatDateDa } from '../../../../src-shared/format/dates';
import { labelKey } from '../../../../src-shared/messages/code-labels';
import { all } from '../../db/sql';
import { listKnowledgeContacts } from '../../knowledge/knowledge-repo';
import { membershipsOf } from '../../networks/network-repo';
import { letterText } from '../common-values';
import { visitSource } from '../visit-source';

/** A LAG status in running text, lower case ("indsendt"); a status the list does not know is shown as stored. */
function lagStatusText(status: string): string {
  const known = LAG_STATUSES.find((s) => s === status);
  return known ? letterText(labelKey.lagStatus(known)).toLocaleLowerCase('da') : status;
}

/**
 * "What was done locally" (docs/domain.md): visits, LAG applications, knowledge contacts and networks,
 * oldest first, as the referral letter lists them.
 */
export function localActivity(db: Database, companyId: number): Array<{ date: string; text: string }> {
  const items: Array<{ iso: string; text: string }> = [];
  for (const v of visitSource().activity(db, companyId))
    items.push({ iso: v.date, text: letterText(`letter.visitType.${v.type}`) });
  for (const a of all<{ title: string; lag: string; status: string; at: string }>(
    db,
    `SELECT a.title, o.name AS lag, a.status, coalesce(a.submitted_at, substr(a.created_at, 1, 10)) AS at
     FROM lag_applications a JOIN organisations o ON o.id = a.lag_id WHERE a.company_id = ?`,
    [companyId],
  )) {
    items.push({
      iso: a.at,
      text: letterText('letter.activity.lag', { lag: a.lag, title: a.title, status: lagStatusText(a.status) }),
    });
  }
  for (const k of listKnowledgeContacts(db, { companyId })) {
    const who = [k.personName, k.organisationName].filter(Boolean).join(', ');
    const type = letterText(`letter.knowledgeType.${k.type}`);
    const text = k.topic
      ? letterText('letter.activity.knowledgeTopic', { type, who, topic: k.topic })
      : letterText('letter.activity.knowledge', { type, who });
    items.push({ iso: k.contactOn, text });
  }
  for (const m of membershipsOf(db, companyId)) {
    const text = m.leftOn
      ? letterText('letter.activity.networkLeft', { network: m.networkName, date: formatDateDa(m.leftOn) })
      : letterText('letter.activity.network', { network: m.networkName });
    items.push({ iso: m.joinedOn, text });
  }
  items.sort((a, b) => a.iso.localeCompare(b.iso));
  return items.map((i) => ({ date: formatDateDa(i.iso), text: i.text }));
}
