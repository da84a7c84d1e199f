import type { Database } from 'better-sqlite3';
import { formatDateDa, todayIso } from '../../../src-shared/format/dates';
import {
  type AuditedTable,
  deleteAudited,
  diff,
  insertAudited,
  recordActorAudit,
  updateAudited,
} from '../audit/audit-log';
import { assertCompanyExists } from '../companies/company-repo';
import { get, run, storedColumns, storedRow } from '../db/sql';
import { invalidField, notFound } from '../errors';
import { getMember, getNetwork } from './network-repo';
import type { MeetingFields, NetworkMeeting, NetworkMember } from './network-schema';

/** Members (with joined/left dates) and meetings of a network. */

const MEETINGS: AuditedTable = { table: 'network_meetings', entity: 'network_meeting', stamped: false };

/** A membership as stored, with the names it is logged under and the day its network was founded. */
type MemberRow = {
  id: number;
  network_id: number;
  network_name: string;
  company_id: number;
  company_name: string;
  company_cvr: string | null;
  joined_on: string;
  left_on: string | null;
  founded_on: string;
};

function memberRow(db: Database, id: number): MemberRow {
  const row = get<MemberRow>(
    db,
    `SELECT m.*, n.name AS network_name, n.founded_on, c.name AS company_name, c.cvr AS company_cvr
     FROM network_members m JOIN networks n ON n.id = m.network_id JOIN companies c ON c.id = m.company_id
     WHERE m.id = ?`,
    [id],
  );
  if (!row) throw notFound('entity.networkMember', id);
  return row;
}

/** A company is a member once at a time; it may rejoin after it left. */
function checkMembership(
  db: Database,
  m: { networkId: number; companyId: number; joinedOn: string; leftOn: string | null; selfId?: number },
  foundedOn: string,
): void {
  const today = todayIso();
  if (m.joinedOn > today) throw invalidField('joinedOn', 'validation.dateFuture');
  if (m.leftOn && m.leftOn > today) throw invalidField('leftOn', 'validation.dateFuture');
  if (m.joinedOn < foundedOn)
    throw invalidField('joinedOn', 'network.memberBeforeFounded', { date: formatDateDa(foundedOn) });
  if (m.leftOn && m.leftOn < m.joinedOn) throw invalidField('leftOn', 'network.leftBeforeJoined');
  const overlap = get<{ company_name: string }>(
    db,
    `SELECT c.name AS company_name FROM network_members m JOIN companies c ON c.id = m.company_id
     WHERE m.network_id = ? AND m.company_id = ? AND m.id IS NOT ?
       AND m.joined_on <= coalesce(?, '9999-12-31') AND coalesce(m.left_on, '9999-12-31') >= ?`,
    [m.networkId, m.companyId, m.selfId ?? null, m.leftOn, m.joinedOn],
  );
  if (overlap) throw invalidField('companyId', 'network.memberExists', { name: overlap.company_name });
}

export function addMember(
  db: Database,
  input: { networkId: number; companyId: number; joinedOn: string },
): NetworkMember {
  const id = db.transaction(() => {
    const network = get<{ founded_on: string }>(db, 'SELECT founded_on FROM networks WHERE id = ?', [input.networkId]);
    if (!network) throw notFound('entity.network', input.networkId);
    assertCompanyExists(db, input.companyId);
    checkMembership(db, { ...input, leftOn: null }, network.founded_on);
    const info = run(db, 'INSERT INTO network_members(network_id, company_id, joined_on) VALUES (?, ?, ?)', [
      input.networkId,
      input.companyId,
      input.joinedOn,
    ]);
    const newId = Number(info.lastInsertRowid);
    recordActorAudit(db, {
      entity: 'network_member',
      entityId: newId,
      companyId: input.companyId,
      action: 'create',
      after: { network_id: input.networkId, joined_on: input.joinedOn },
    });
    return newId;
  })();
  return getMember(db, id);
}

export function updateMember(
  db: Database,
  id: number,
  changes: { joinedOn?: string; leftOn?: string | null },
): NetworkMember {
  db.transaction(() => {
    const before = memberRow(db, id);
    const next = {
      networkId: before.network_id,
      companyId: before.company_id,
      joinedOn: changes.joinedOn ?? before.joined_on,
      leftOn: changes.leftOn !== undefined ? changes.leftOn : before.left_on,
      selfId: id,
    };
    checkMembership(db, next, before.founded_on);
    const values = { joined_on: next.joinedOn, left_on: next.leftOn };
    const d = diff(before as unknown as Record<string, unknown>, values);
    if (!d.changed) return;
    run(db, 'UPDATE network_members SET joined_on = ?, left_on = ? WHERE id = ?', [next.joinedOn, next.leftOn, id]);
    recordActorAudit(db, {
      entity: 'network_member',
      entityId: id,
      companyId: before.company_id,
      action: 'update',
      before: d.before,
      after: d.after,
    });
  })();
  return getMember(db, id);
}

/** Removes a membership recorded by mistake; a company that left gets a left date instead. */
export function removeMember(db: Database, id: number): void {
  db.transaction(() => {
    const before = memberRow(db, id);
    deleteAudited(db, { table: 'network_members', entity: 'network_member' }, id, before, before.company_id);
  })();
}

function meetingColumns(f: Partial<MeetingFields>): Record<string, unknown> {
  return storedColumns(f, { plain: ['heldOn', 'place', 'topic', 'attendees', 'note'] });
}

function checkMeeting(db: Database, networkId: number, heldOn: string | undefined): void {
  if (heldOn === undefined) return;
  const n = get<{ founded_on: string }>(db, 'SELECT founded_on FROM networks WHERE id = ?', [networkId]);
  if (!n) throw notFound('entity.network', networkId);
  if (heldOn < n.founded_on)
    throw invalidField('heldOn', 'network.meetingBeforeFounded', { date: formatDateDa(n.founded_on) });
}

export function addMeeting(db: Database, input: MeetingFields & { networkId: number }): NetworkMeeting {
  const id = db.transaction(() => {
    checkMeeting(db, input.networkId, input.heldOn);
    const values = { ...meetingColumns(input), network_id: input.networkId };
    return insertAudited(db, MEETINGS, values);
  })();
  const found = getNetwork(db, input.networkId).meetings.find((m) => m.id === id);
  if (!found) throw notFound('entity.networkMeeting', id);
  return found;
}

export function updateMeeting(db: Database, id: number, changes: Partial<MeetingFields>): NetworkMeeting {
  let networkId = 0;
  db.transaction(() => {
    const before = storedRow<{ network_id: number }>(db, 'network_meetings', id, 'entity.networkMeeting');
    networkId = before.network_id;
    checkMeeting(db, before.network_id, changes.heldOn);
    const values = meetingColumns(changes);
    updateAudited(db, MEETINGS, id, before, values);
  })();
  const found = getNetwork(db, networkId).meetings.find((m) => m.id === id);
  if (!found) throw notFound('entity.networkMeeting', id);
  return found;
}

export function deleteMeeting(db: Database, id: number): void {
  db.transaction(() => {
    const before = storedRow(db, 'network_meetings', id, 'entity.networkMeeting');
    deleteAudited(db, MEETINGS, id, before);
  })();
}
