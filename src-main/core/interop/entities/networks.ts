import { NETWORK_FIELDS, NETWORK_MEETING_FIELDS, NETWORK_MEMBER_FIELDS } from '../../../../src-shared/fields/networks';
import { message } from '../../messages';
import type { EntitySpec } from './entity-types';
import { OWNED_BY_COMPANY } from './field-kit';

/** The networks any of the companies in the JSON array `?` is a member of. */
const OF_MEMBERS =
  'IN (SELECT m.network_id FROM network_members m WHERE m.company_id IN (SELECT value FROM json_each(?)))';

/** A network is shared by its member firms: exported when any of them is. */
export const networksEntity: EntitySpec = {
  key: 'networks',
  table: 'networks',
  label: 'sheet.networks',
  description: message('interop.entity.networks'),
  role: 'shared',
  identity: ['uuid'],
  refKey: 'uuid',
  fields: NETWORK_FIELDS,
  ownedBy: `t.id ${OF_MEMBERS}`,
  orderBy: 't.id',
  audit: { entity: 'network', companyColumn: '' },
};

/** Membership has no uuid: a firm's membership is known by network, firm and the day it joined. */
export const networkMembersEntity: EntitySpec = {
  key: 'networkMembers',
  table: 'network_members',
  label: 'sheet.network_members',
  description: message('interop.entity.networkMembers'),
  role: 'owned',
  identity: ['network', 'company', 'joinedOn'],
  fields: NETWORK_MEMBER_FIELDS,
  ownedBy: OWNED_BY_COMPANY,
  orderBy: 't.id',
};

/** Meetings have no uuid: a meeting is known by its network, day, place and topic. */
export const networkMeetingsEntity: EntitySpec = {
  key: 'networkMeetings',
  table: 'network_meetings',
  label: 'sheet.network_meetings',
  description: message('interop.entity.networkMeetings'),
  role: 'shared',
  identity: ['network', 'heldOn', 'place', 'topic'],
  fields: NETWORK_MEETING_FIELDS,
  ownedBy: `t.network_id ${OF_MEMBERS}`,
  orderBy: 't.id',
};
