import { message } from '../../messages';
import type { EntitySpec } from './entity-types';
import { f, OWNED_BY_COMPANY, ref, stamps, text, uuid } from './field-kit';

/** A network is shared by its member firms: exported when any of them is. */
const OF_MEMBERS =
  't.id IN (SELECT m.network_id FROM network_members m WHERE m.company_id IN (SELECT value FROM json_each(?)))';

export const networksEntity: EntitySpec = {
  key: 'networks',
  table: 'networks',
  label: 'sheet.networks',
  description: message('interop.entity.networks'),
  role: 'shared',
  identity: ['uuid'],
  refKey: 'uuid',
  fields: [
    uuid(),
    text('name', 'name', 200, true),
    text('theme', 'theme', 300),
    f('foundedOn', 'founded_on', 'date', { required: true }),
    text('facilitator', 'facilitator', 200),
    f('kommuneCode', 'kommune_code', 'integer'),
    text('description', 'description'),
    f('endedOn', 'ended_on', 'date'),
    ...stamps(),
  ],
  ownedBy: OF_MEMBERS,
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
  fields: [
    ref('network', 'network_id', 'networks', true),
    ref('company', 'company_id', 'companies', true),
    f('joinedOn', 'joined_on', 'date', { required: true }),
    f('leftOn', 'left_on', 'date'),
  ],
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
  fields: [
    ref('network', 'network_id', 'networks', true),
    f('heldOn', 'held_on', 'date', { required: true }),
    text('place', 'place', 300),
    text('topic', 'topic', 1000),
    f('attendees', 'attendees', 'integer'),
    text('note', 'note'),
  ],
  ownedBy:
    't.network_id IN (SELECT m.network_id FROM network_members m WHERE m.company_id IN (SELECT value FROM json_each(?)))',
  orderBy: 't.id',
};
