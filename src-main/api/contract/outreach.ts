import { z } from 'zod';
import {
  type KnowledgeContact,
  knowledgeCreateSchema,
  knowledgeListSchema,
  knowledgeUpdateSchema,
} from '../../core/knowledge/knowledge-schema';
import {
  type FinancingSummary,
  financingPreviewSchema,
  type LagApplication,
  lagBudgetSchema,
  lagCreateSchema,
  lagListSchema,
  lagStatusSchema,
  lagUpdateSchema,
  type SupportScheme,
  schemeCreateSchema,
  schemeUpdateSchema,
} from '../../core/lag/lag-schema';
import {
  meetingAddSchema,
  meetingUpdateSchema,
  memberAddSchema,
  memberUpdateSchema,
  type Network,
  type NetworkMeeting,
  type NetworkMember,
  type NetworkSummary,
  networkCreateSchema,
  networkListSchema,
  networkUpdateSchema,
} from '../../core/networks/network-schema';
import {
  type Referral,
  referralCreateSchema,
  referralListSchema,
  referralOutcomeSchema,
  referralStatusSchema,
  referralUpdateSchema,
} from '../../core/referrals/referral-schema';
import { method, NO_ACCESS_LOG } from './define';

const id = z.object({ id: z.number().int().positive() });

/**
 * connecting a firm to help. Money is whole øre (integers), shares are basis points
 * (5000 = 50 %), dates are ISO `YYYY-MM-DD` (dd.mm.yyyy is accepted on input). Each write is one
 * transaction with an audit entry; status changes go through `*.setStatus`, which refuses a
 * transition the rules do not allow (each record carries its `allowedNext`).
 */
export const outreachContract = {
  'referrals.list': method(referralListSchema).returns<Referral[]>(NO_ACCESS_LOG),
  'referrals.get': method(id).returns<Referral>(NO_ACCESS_LOG),
  'referrals.create': method(referralCreateSchema).returns<Referral>(NO_ACCESS_LOG),
  'referrals.update': method(referralUpdateSchema).returns<Referral>(NO_ACCESS_LOG),
  'referrals.setStatus': method(referralStatusSchema).returns<Referral>(NO_ACCESS_LOG),
  'referrals.setOutcome': method(referralOutcomeSchema).returns<Referral>(NO_ACCESS_LOG),
  'referrals.delete': method(id).returns<null>(NO_ACCESS_LOG),

  'schemes.list': method(z.object({})).returns<SupportScheme[]>(NO_ACCESS_LOG),
  'schemes.create': method(schemeCreateSchema).returns<SupportScheme>(NO_ACCESS_LOG),
  'schemes.update': method(schemeUpdateSchema).returns<SupportScheme>(NO_ACCESS_LOG),

  'lag.list': method(lagListSchema).returns<LagApplication[]>(NO_ACCESS_LOG),
  'lag.get': method(id).returns<LagApplication>(NO_ACCESS_LOG),
  'lag.create': method(lagCreateSchema).returns<LagApplication>(NO_ACCESS_LOG),
  'lag.update': method(lagUpdateSchema).returns<LagApplication>(NO_ACCESS_LOG),
  'lag.setBudget': method(lagBudgetSchema).returns<LagApplication>(NO_ACCESS_LOG),
  'lag.setStatus': method(lagStatusSchema).returns<LagApplication>(NO_ACCESS_LOG),
  'lag.delete': method(id).returns<null>(NO_ACCESS_LOG),
  /** Grant share and warnings for unsaved form values, as the consultant types. */
  'lag.previewFinancing': method(financingPreviewSchema).returns<FinancingSummary>(NO_ACCESS_LOG),

  'knowledge.list': method(knowledgeListSchema).returns<KnowledgeContact[]>(NO_ACCESS_LOG),
  'knowledge.create': method(knowledgeCreateSchema).returns<KnowledgeContact>(NO_ACCESS_LOG),
  'knowledge.update': method(knowledgeUpdateSchema).returns<KnowledgeContact>(NO_ACCESS_LOG),
  'knowledge.delete': method(id).returns<null>(NO_ACCESS_LOG),

  'networks.list': method(networkListSchema).returns<NetworkSummary[]>(NO_ACCESS_LOG),
  'networks.get': method(id).returns<Network>(NO_ACCESS_LOG),
  'networks.create': method(networkCreateSchema).returns<Network>(NO_ACCESS_LOG),
  'networks.update': method(networkUpdateSchema).returns<Network>(NO_ACCESS_LOG),
  'networks.delete': method(id).returns<null>(NO_ACCESS_LOG),
  'networks.forCompany': method(z.object({ companyId: z.number().int().positive() })).returns<NetworkMember[]>(
    NO_ACCESS_LOG,
  ),
  'networks.addMember': method(memberAddSchema).returns<NetworkMember>(NO_ACCESS_LOG),
  /** Sets the joined or left date; leaving is a date, not a deletion. */
  'networks.updateMember': method(memberUpdateSchema).returns<NetworkMember>(NO_ACCESS_LOG),
  'networks.removeMember': method(id).returns<null>(NO_ACCESS_LOG),
  'networks.addMeeting': method(meetingAddSchema).returns<NetworkMeeting>(NO_ACCESS_LOG),
  'networks.updateMeeting': method(meetingUpdateSchema).returns<NetworkMeeting>(NO_ACCESS_LOG),
  'networks.deleteMeeting': method(id).returns<null>(NO_ACCESS_LOG),
} as const;

export type { KnowledgeContact, KnowledgeType } from '../../core/knowledge/knowledge-schema';
export type {
  BudgetLine,
  BudgetLineInput,
  CheckSeverity,
  FinancingSummary,
  LagApplication,
  LagCheck,
  LagCreateInput,
  LagStatus,
  SupportScheme,
} from '../../core/lag/lag-schema';
export type { Network, NetworkMeeting, NetworkMember, NetworkSummary } from '../../core/networks/network-schema';
export type {
  Referral,
  ReferralCreateInput,
  ReferralOutcome,
  ReferralStatus,
} from '../../core/referrals/referral-schema';
