import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { formatDateDa, todayIso } from '../../../src-shared/format/dates';
import { type AuditedTable, deleteAudited, insertAudited, updateAudited } from '../audit/audit-log';
import { all, camelColumns, get, nowStamp, storedColumns, storedRow } from '../db/sql';
import { invalidField, notFound } from '../errors';
import type {
  Network,
  NetworkFields,
  NetworkListQuery,
  NetworkMeeting,
  NetworkMember,
  NetworkSummary,
} from './network-schema';

const SUMMARY = `
  SELECT ${camelColumns(['n.id', 'n.uuid', 'n.name', 'n.theme', 'n.founded_on', 'n.facilitator', 'n.kommune_code'])},
    k.name AS kommune, ${camelColumns(['n.description', 'n.ended_on'])},
    (SELECT count(*) FROM network_members m WHERE m.network_id = n.id
      AND m.joined_on <= @today AND (m.left_on IS NULL OR m.left_on > @today)) AS "memberCount",
    (SELECT count(*) FROM network_meetings g WHERE g.network_id = n.id) AS "meetingCount",
    (SELECT max(held_on) FROM network_meetings g WHERE g.network_id = n.id) AS "lastMeetingOn"
  FROM networks n LEFT JOIN kommuner k ON k.code = n.kommune_code`;

const MEMBER_SELECT = `
  SELECT ${camelColumns(['m.id', 'm.network_id'])}, n.name AS "networkName", ${camelColumns(['m.company_id'])},
    c.name AS "companyName", c.cvr AS "companyCvr", ${camelColumns(['m.joined_on', 'm.left_on'])}
  FROM network_members m JOIN networks n ON n.id = m.network_id JOIN companies c ON c.id = m.company_id`;

export function getMember(db: Database, id: number): NetworkMember {
  const row = get<NetworkMember>(db, `${MEMBER_SELECT} WHERE m.id = ?`, [id]);
  if (!row) throw notFound('entity.networkMember', id);
  return row;
}

export function listNetworks(db: Database, q: NetworkListQuery = {}): NetworkSummary[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { today: todayIso() };
  if (q.foundedFrom) {
    where.push('n.founded_on >= @from');
    params.from = q.foundedFrom;
  }
  if (q.foundedTo) {
    where.push('n.founded_on <= @to');
    params.to = q.foundedTo;
  }
  if (q.companyId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM network_members m WHERE m.network_id = n.id AND m.company_id = @company)');
    params.company = q.companyId;
  }
  return all<NetworkSummary>(
    db,
    `${SUMMARY} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY n.founded_on DESC, n.id DESC`,
    params,
  );
}

export function getNetwork(db: Database, id: number): Network {
  const row = get<NetworkSummary>(db, `${SUMMARY} WHERE n.id = @id`, { id, today: todayIso() });
  if (!row) throw notFound('entity.network', id);
  const members = all<NetworkMember>(db, `${MEMBER_SELECT} WHERE m.network_id = ? ORDER BY c.name_sort, m.joined_on`, [
    id,
  ]);
  const meetings = all<NetworkMeeting>(
    db,
    `SELECT ${camelColumns(['id', 'network_id', 'held_on', 'place', 'topic', 'attendees', 'note'])}
     FROM network_meetings WHERE network_id = ? ORDER BY held_on DESC, id DESC`,
    [id],
  );
  return { ...row, members, meetings };
}

/** The networks a company is or was a member of, for its page and its letters. */
export function membershipsOf(db: Database, companyId: number): NetworkMember[] {
  return all<NetworkMember>(db, `${MEMBER_SELECT} WHERE m.company_id = ? ORDER BY m.joined_on DESC`, [companyId]);
}

function networkColumns(f: Partial<NetworkFields>): Record<string, unknown> {
  return storedColumns(f, {
    plain: ['name', 'theme', 'foundedOn', 'facilitator', 'kommuneCode', 'description', 'endedOn'],
  });
}

function checkNetwork(db: Database, values: Record<string, unknown>, before: Record<string, unknown> = {}): void {
  const merged = { ...before, ...values };
  if (typeof values.founded_on === 'string' && values.founded_on > todayIso())
    throw invalidField('foundedOn', 'validation.dateFuture');
  if (typeof merged.ended_on === 'string' && merged.ended_on < (merged.founded_on as string))
    throw invalidField('endedOn', 'validation.periodEndBeforeStart');
  if (values.kommune_code != null && !get(db, 'SELECT 1 FROM kommuner WHERE code = ?', [values.kommune_code]))
    throw invalidField('kommuneCode', 'validation.kommuneUnknown', { value: values.kommune_code });
}

const NETWORKS: AuditedTable = { table: 'networks', entity: 'network', stamped: true };

export function createNetwork(db: Database, input: NetworkFields): Network {
  const id = db.transaction(() => {
    const now = nowStamp();
    const values = { ...networkColumns(input), uuid: randomUUID(), created_at: now, updated_at: now };
    checkNetwork(db, values);
    return insertAudited(db, NETWORKS, values);
  })();
  return getNetwork(db, id);
}

export function updateNetwork(db: Database, id: number, changes: Partial<NetworkFields>): Network {
  db.transaction(() => {
    const before = storedRow(db, 'networks', id, 'entity.network');
    const values = networkColumns(changes);
    checkNetwork(db, values, before);
    if (typeof values.founded_on === 'string') {
      const early = get<{ joined_on: string }>(
        db,
        'SELECT min(joined_on) AS joined_on FROM network_members WHERE network_id = ?',
        [id],
      );
      if (early?.joined_on && early.joined_on < values.founded_on)
        throw invalidField('foundedOn', 'network.membersBeforeFounded', { date: formatDateDa(early.joined_on) });
    }
    updateAudited(db, NETWORKS, id, before, values);
  })();
  return getNetwork(db, id);
}

export function deleteNetwork(db: Database, id: number): void {
  db.transaction(() => {
    const before = getNetwork(db, id);
    deleteAudited(db, NETWORKS, id, before);
  })();
}
