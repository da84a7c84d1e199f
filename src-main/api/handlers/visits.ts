import { labelKey } from '../../../src-shared/messages/code-labels';
import { NEED_KEYS, POTENTIAL_LEVELS, VISIT_TYPES } from '../../core/domain/needs';
import { discardDraft, getDraft, listDrafts, saveDraft } from '../../core/drafts/draft-repo';
import { listFollowUps } from '../../core/followups/followup-query';
import {
  completeFollowUp,
  createFollowUp,
  deleteFollowUp,
  getFollowUp,
  snoozeFollowUp,
  updateFollowUp,
} from '../../core/followups/followup-repo';
import { message, messageOrText } from '../../core/messages';
import { getVisit, listVisits } from '../../core/visits/visit-read';
import { createVisit, deleteVisit, updateVisit } from '../../core/visits/visit-repo';
import { searchVisits } from '../../core/visits/visit-search';
import { checkVisitForm } from '../../core/visits/visit-validate';
import type { visitsContract } from '../contract/visits';
import { deleteById } from './delete-by-id';
import type { AreaHandlers } from './types';

export const visitsHandlers: AreaHandlers<typeof visitsContract> = {
  'visits.list': ({ companyId, offset, limit }, { db }) => listVisits(db, companyId, offset, limit),
  'visits.get': ({ id }, { db }) => getVisit(db, id),
  'visits.validate': (input, { db, locale }) => ({
    fields: checkVisitForm(db, input).map((f) => ({
      field: f.field,
      message: messageOrText(f.message, f.params, locale),
    })),
  }),
  'visits.create': (input, { db }) => createVisit(db, input),
  'visits.update': ({ id, changes, expectedUpdatedAt, draftKey, followups }, { db }) =>
    updateVisit(db, id, changes, { expectedUpdatedAt, draftKey, followups }),
  'visits.delete': deleteById(deleteVisit),
  'followups.list': (input, { db }) => listFollowUps(db, input),
  'followups.get': ({ id }, { db }) => getFollowUp(db, id),
  'followups.create': (input, { db }) => createFollowUp(db, input),
  'followups.update': ({ id, changes }, { db }) => updateFollowUp(db, id, changes),
  'followups.complete': ({ id, done }, { db }) => completeFollowUp(db, id, done),
  'followups.snooze': ({ id, until }, { db }) => snoozeFollowUp(db, id, until),
  'followups.delete': deleteById(deleteFollowUp),
  'search.visits': (input, { db }) => searchVisits(db, input),
  'drafts.get': ({ key }, { db }) => getDraft(db, key),
  'drafts.save': ({ key, payload, companyId }, { db }) => {
    const { payload: _saved, ...summary } = saveDraft(db, key, payload, companyId);
    return summary;
  },
  'drafts.discard': ({ key }, { db }) => ({ discarded: discardDraft(db, key) }),
  'drafts.list': ({ companyId }, { db }) => listDrafts(db, companyId),
  'reference.needs': (_, { locale }) => ({
    visitTypes: VISIT_TYPES.map((key) => ({ key, label: message(labelKey.visitType(key), {}, locale) })),
    needs: NEED_KEYS.map((key) => ({ key, label: message(labelKey.need(key), {}, locale) })),
    potentials: POTENTIAL_LEVELS.map((level) => ({ level, label: message(labelKey.potential(level), {}, locale) })),
  }),
};
