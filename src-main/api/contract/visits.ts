import { z } from 'zod';
import type { NeedKey, PotentialLevel, VisitType } from '../../core/domain/needs';
import {
  type Draft,
  type DraftSummary,
  draftKeySchema,
  draftListSchema,
  draftSaveSchema,
} from '../../core/drafts/draft-schema';
import {
  type FollowUp,
  type FollowUpPage,
  followupCompleteSchema,
  followupCreateSchema,
  followupListSchema,
  followupSnoozeSchema,
  followupUpdateSchema,
} from '../../core/followups/followup-schema';
import { type VisitSearchPage, visitSearchSchema } from '../../core/visits/search-schema';
import {
  type FieldMessages,
  type Visit,
  type VisitPage,
  type VisitSaved,
  visitCreateSchema,
  visitListSchema,
  visitUpdateSchema,
  visitValidateSchema,
} from '../../core/visits/visit-schema';
import { method, NO_ACCESS_LOG } from './define';

const id = z.object({ id: z.number().int().positive() });

/** The lists the visit form offers, with labels in the caller's language. */
export interface VisitReference {
  visitTypes: Array<{ key: VisitType; label: string }>;
  needs: Array<{ key: NeedKey; label: string }>;
  potentials: Array<{ level: PotentialLevel; label: string }>;
}

/** Visits, needs, follow-ups, visit search and form drafts. */
export const visitsContract = {
  'visits.list': method(visitListSchema).returns<VisitPage>(NO_ACCESS_LOG),
  'visits.get': method(id).returns<Visit>({ access: 'read', facts: (_, o) => ({ companies: [o.companyId] }) }),
  /** Checks the fields sent without saving, so messages appear while the consultant types. */
  'visits.validate': method(visitValidateSchema).returns<FieldMessages>(NO_ACCESS_LOG),
  'visits.create': method(visitCreateSchema).returns<VisitSaved>(NO_ACCESS_LOG),
  'visits.update': method(visitUpdateSchema).returns<VisitSaved>(NO_ACCESS_LOG),
  'visits.delete': method(id).returns<null>(NO_ACCESS_LOG),
  'followups.list': method(followupListSchema).returns<FollowUpPage>(NO_ACCESS_LOG),
  'followups.get': method(id).returns<FollowUp>(NO_ACCESS_LOG),
  'followups.create': method(followupCreateSchema).returns<FollowUp>(NO_ACCESS_LOG),
  'followups.update': method(followupUpdateSchema).returns<FollowUp>(NO_ACCESS_LOG),
  'followups.complete': method(followupCompleteSchema).returns<FollowUp>(NO_ACCESS_LOG),
  'followups.snooze': method(followupSnoozeSchema).returns<FollowUp>(NO_ACCESS_LOG),
  'followups.delete': method(id).returns<null>(NO_ACCESS_LOG),
  'search.visits': method(visitSearchSchema).returns<VisitSearchPage>({
    access: 'search',
    facts: (i, o) =>
      i.query.trim() === '' ? null : { companies: [i.companyId ?? null], search: { text: i.query, found: o.total } },
  }),
  'drafts.get': method(draftKeySchema).returns<Draft | null>(NO_ACCESS_LOG),
  'drafts.save': method(draftSaveSchema).returns<DraftSummary>(NO_ACCESS_LOG),
  'drafts.discard': method(draftKeySchema).returns<{ discarded: boolean }>(NO_ACCESS_LOG),
  'drafts.list': method(draftListSchema).returns<DraftSummary[]>(NO_ACCESS_LOG),
  'reference.needs': method(z.object({})).returns<VisitReference>(NO_ACCESS_LOG),
} as const;

export type { NeedKey, PotentialLevel, VisitType } from '../../core/domain/needs';
export type { Draft, DraftSaveInput, DraftSummary } from '../../core/drafts/draft-schema';
export type {
  FollowUp,
  FollowUpCreateInput,
  FollowUpFilter,
  FollowUpListInput,
  FollowUpPage,
  FollowUpState,
} from '../../core/followups/followup-schema';
export type { TextSegment, VisitSearchHit, VisitSearchInput, VisitSearchPage } from '../../core/visits/search-schema';
export type {
  FieldMessages,
  Visit,
  VisitCreateInput,
  VisitPage,
  VisitParticipant,
  VisitSaved,
  VisitUpdateInput,
  VisitValidateInput,
} from '../../core/visits/visit-schema';
