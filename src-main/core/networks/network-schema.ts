import { z } from 'zod';
import { dateField, idField, optionalDate, optionalText, requiredText } from '../referrals/outreach-fields';

export const networkFieldsSchema = z.object({
  name: requiredText(200),
  theme: optionalText(200),
  foundedOn: dateField,
  facilitator: optionalText(200),
  kommuneCode: z.number().int().nullable().optional(),
  description: optionalText(5000),
  endedOn: optionalDate,
});
export const networkCreateSchema = networkFieldsSchema;
export const networkUpdateSchema = z.object({ id: idField, changes: networkFieldsSchema.partial() });
export type NetworkFields = z.output<typeof networkFieldsSchema>;

export const memberAddSchema = z.object({ networkId: idField, companyId: idField, joinedOn: dateField });
export const memberUpdateSchema = z.object({ id: idField, joinedOn: dateField.optional(), leftOn: optionalDate });

export const meetingFieldsSchema = z.object({
  heldOn: dateField,
  place: optionalText(200),
  topic: optionalText(500),
  attendees: z.number().int().min(0).max(10_000).nullable().optional(),
  note: optionalText(5000),
});
export const meetingAddSchema = meetingFieldsSchema.extend({ networkId: idField });
export const meetingUpdateSchema = z.object({ id: idField, changes: meetingFieldsSchema.partial() });
export type MeetingFields = z.output<typeof meetingFieldsSchema>;

export const networkListSchema = z.object({
  /** Only networks founded in this period (the KPI "networks founded"). */
  foundedFrom: dateField.optional(),
  foundedTo: dateField.optional(),
  companyId: idField.optional(),
});
export type NetworkListQuery = z.output<typeof networkListSchema>;

export interface NetworkSummary {
  id: number;
  uuid: string;
  name: string;
  theme: string | null;
  foundedOn: string;
  facilitator: string | null;
  kommuneCode: number | null;
  kommune: string | null;
  description: string | null;
  endedOn: string | null;
  /** Members today (joined and not left). */
  memberCount: number;
  meetingCount: number;
  lastMeetingOn: string | null;
}

export interface NetworkMember {
  id: number;
  networkId: number;
  networkName: string;
  companyId: number;
  companyName: string;
  companyCvr: string | null;
  joinedOn: string;
  leftOn: string | null;
}

export interface NetworkMeeting {
  id: number;
  networkId: number;
  heldOn: string;
  place: string | null;
  topic: string | null;
  attendees: number | null;
  note: string | null;
}

export interface Network extends NetworkSummary {
  members: NetworkMember[];
  meetings: NetworkMeeting[];
}
