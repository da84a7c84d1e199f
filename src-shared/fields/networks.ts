import { date, type FieldDef, int, ref, stamps, text, uuid } from './field-types';

export const NETWORK_FIELDS: readonly FieldDef[] = [
  uuid(),
  text('name', 'name', 200, true),
  text('theme', 'theme', 300),
  date('foundedOn', 'founded_on', true),
  text('facilitator', 'facilitator', 200),
  int('kommuneCode', 'kommune_code'),
  text('description', 'description'),
  date('endedOn', 'ended_on'),
  ...stamps(),
];

export const NETWORK_MEMBER_FIELDS: readonly FieldDef[] = [
  ref('network', 'network_id', 'networks', true),
  ref('company', 'company_id', 'companies', true),
  date('joinedOn', 'joined_on', true),
  date('leftOn', 'left_on'),
];

export const NETWORK_MEETING_FIELDS: readonly FieldDef[] = [
  ref('network', 'network_id', 'networks', true),
  date('heldOn', 'held_on', true),
  text('place', 'place', 300),
  text('topic', 'topic', 1000),
  int('attendees', 'attendees'),
  text('note', 'note'),
];
