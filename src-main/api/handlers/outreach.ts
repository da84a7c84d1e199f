import {
  createKnowledgeContact,
  deleteKnowledgeContact,
  listKnowledgeContacts,
  updateKnowledgeContact,
} from '../../core/knowledge/knowledge-repo';
import { getLagApplication, listLagApplications } from '../../core/lag/lag-read';
import { createLagApplication, setLagBudget, updateLagApplication } from '../../core/lag/lag-repo';
import { deleteLagApplication, previewFinancing, setLagStatus } from '../../core/lag/lag-status';
import { createScheme, listSchemes, updateScheme } from '../../core/lag/scheme-repo';
import {
  addMeeting,
  addMember,
  deleteMeeting,
  removeMember,
  updateMeeting,
  updateMember,
} from '../../core/networks/network-members';
import {
  createNetwork,
  deleteNetwork,
  getNetwork,
  listNetworks,
  membershipsOf,
  updateNetwork,
} from '../../core/networks/network-repo';
import {
  createReferral,
  deleteReferral,
  getReferral,
  listReferrals,
  updateReferral,
} from '../../core/referrals/referral-repo';
import { setReferralOutcome, setReferralStatus } from '../../core/referrals/referral-status';
import type { outreachContract } from '../contract/outreach';
import { deleteById } from './delete-by-id';
import type { AreaHandlers } from './types';

export const outreachHandlers: AreaHandlers<typeof outreachContract> = {
  'referrals.list': (q, { db }) => listReferrals(db, q),
  'referrals.get': ({ id }, { db }) => getReferral(db, id),
  'referrals.create': (input, { db }) => createReferral(db, input),
  'referrals.update': ({ id, changes }, { db }) => updateReferral(db, id, changes),
  'referrals.setStatus': ({ id, status, date }, { db }) => setReferralStatus(db, id, status, date),
  'referrals.setOutcome': ({ id, ...o }, { db }) => setReferralOutcome(db, id, o),
  'referrals.delete': deleteById(deleteReferral),

  'schemes.list': (_, { db }) => listSchemes(db),
  'schemes.create': (input, { db }) => createScheme(db, input),
  'schemes.update': ({ id, changes }, { db }) => updateScheme(db, id, changes),

  'lag.list': (q, { db, locale }) => listLagApplications(db, q, locale),
  'lag.get': ({ id }, { db, locale }) => getLagApplication(db, id, locale),
  'lag.create': (input, { db, locale }) => createLagApplication(db, input, locale),
  'lag.update': ({ id, changes, budget }, { db, locale }) => updateLagApplication(db, id, changes, locale, budget),
  'lag.setBudget': ({ id, lines }, { db, locale }) => setLagBudget(db, id, lines, locale),
  'lag.setStatus': ({ id, status, date, grantAwardedOre }, { db, locale }) =>
    setLagStatus(db, id, status, { date, grantAwardedOre }, locale),
  'lag.delete': deleteById(deleteLagApplication),
  'lag.previewFinancing': (input, { db, locale }) => previewFinancing(db, input, locale),

  'knowledge.list': (q, { db }) => listKnowledgeContacts(db, q),
  'knowledge.create': (input, { db }) => createKnowledgeContact(db, input),
  'knowledge.update': ({ id, changes }, { db }) => updateKnowledgeContact(db, id, changes),
  'knowledge.delete': deleteById(deleteKnowledgeContact),

  'networks.list': (q, { db }) => listNetworks(db, q),
  'networks.get': ({ id }, { db }) => getNetwork(db, id),
  'networks.create': (input, { db }) => createNetwork(db, input),
  'networks.update': ({ id, changes }, { db }) => updateNetwork(db, id, changes),
  'networks.delete': deleteById(deleteNetwork),
  'networks.forCompany': ({ companyId }, { db }) => membershipsOf(db, companyId),
  'networks.addMember': (input, { db }) => addMember(db, input),
  'networks.updateMember': ({ id, ...changes }, { db }) => updateMember(db, id, changes),
  'networks.removeMember': deleteById(removeMember),
  'networks.addMeeting': (input, { db }) => addMeeting(db, input),
  'networks.updateMeeting': ({ id, changes }, { db }) => updateMeeting(db, id, changes),
  'networks.deleteMeeting': deleteById(deleteMeeting),
};
