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
import { method } from './define';

const id = z.object({ id: z.number().int().positive() });

/**
 * Issue 4: connecting a firm to help. Money is whole øre (integers), shares are basis points
 * (5000 = 50 %), dates are ISO `YYYY-MM-DD` (dd.mm.yyyy is accepted on input). Each write is one
 * transaction with an audit entry; status changes go through `*.setStatus`, which refuses a
 * transition the rules do not allow (each record carries its `allowedNext`).
 */
export const outreachContract = {
  'referrals.list': method(referralListSchema).returns<Referral[]>(),
  'referrals.get': method(id).returns<Referral>(),
  'referrals.create': method(referralCreateSchema).returns<Referral>(),
  'referrals.update': method(referralUpdateSchema).returns<Referral>(),
  'referrals.setStatus': method(referralStatusSchema).returns<Referral>(),
  'referrals.setOutcome': method(referralOutcomeSchema).returns<Referral>(),
  'referrals.delete': method(id).returns<null>(),

  'schemes.list': method(z.object({})).returns<SupportScheme[]>(),
  'schemes.create': method(schemeCreateSchema).returns<SupportScheme>(),
  'schemes.update': method(schemeUpdateSchema).returns<SupportScheme>(),

  'lag.list': method(lagListSchema).returns<LagApplication[]>(),
  'lag.get': method(id).returns<LagApplication>(),
  'lag.create': method(lagCreateSchema).returns<LagApplication>(),
  'lag.update': method(lagUpdateSchema).returns<LagApplication>(),
  'lag.setBudget': method(lagBudgetSchema).returns<LagApplication>(),
  'lag.setStatus': method(lagStatusSchema).returns<LagApplication>(),
  'lag.delete': method(id).returns<null>(),
  /** Grant share and warnings for unsaved form values, as the consultant types. */
  'lag.previewFinancing': method(financingPreviewSchema).returns<FinancingSummary>(),

  'knowledge.list': method(knowledgeListSchema).returns<KnowledgeContact[]>(),
  'knowledge.create': method(knowledgeCreateSchema).returns<KnowledgeContact>(),
  'knowledge.update': method(knowledgeUpdateSchema).returns<KnowledgeContact>(),
  'knowledge.delete': method(id).returns<null>(),

  'networks.list': method(networkListSchema).returns<NetworkSummary[]>(),
  'networks.get': method(id).returns<Network>(),
  'networks.create': method(networkCreateSchema).returns<Network>(),
  'networks.update': method(networkUpdateSchema).returns<Network>(),
  'networks.delete': method(id).returns<null>(),
  'networks.forCompany': method(z.object({ companyId: z.number().int().positive() })).returns<NetworkMember[]>(),
  'networks.addMember': method(memberAddSchema).returns<NetworkMember>(),
  /** Sets the joined or left date; leaving is a date, not a deletion. */
  'networks.updateMember': method(memberUpdateSchema).returns<NetworkMember>(),
  'networks.removeMember': method(id).returns<null>(),
  'networks.addMeeting': method(meetingAddSchema).returns<NetworkMeeting>(),
  'networks.updateMeeting': method(meetingUpdateSchema).returns<NetworkMeeting>(),
  'networks.deleteMeeting': method(id).returns<null>(),
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
