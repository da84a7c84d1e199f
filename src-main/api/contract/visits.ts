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
import { method } from './define';

const id = z.object({ id: z.number().int().positive() });

/** The lists the visit form offers, with labels in the caller's language. */
export interface VisitReference {
  visitTypes: Array<{ key: VisitType; label: string }>;
  needs: Array<{ key: NeedKey; label: string }>;
  potentials: Array<{ level: PotentialLevel; label: string }>;
}

/** Visits, needs, follow-ups, visit search and form drafts (issue 3). */
export const visitsContract = {
  'visits.list': method(visitListSchema).returns<VisitPage>(),
  'visits.get': method(id).returns<Visit>(),
  /** Checks the fields sent without saving, so messages appear while the consultant types. */
  'visits.validate': method(visitValidateSchema).returns<FieldMessages>(),
  'visits.create': method(visitCreateSchema).returns<VisitSaved>(),
  'visits.update': method(visitUpdateSchema).returns<VisitSaved>(),
  'visits.delete': method(id).returns<null>(),
  'followups.list': method(followupListSchema).returns<FollowUpPage>(),
  'followups.get': method(id).returns<FollowUp>(),
  'followups.create': method(followupCreateSchema).returns<FollowUp>(),
  'followups.update': method(followupUpdateSchema).returns<FollowUp>(),
  'followups.complete': method(followupCompleteSchema).returns<FollowUp>(),
  'followups.snooze': method(followupSnoozeSchema).returns<FollowUp>(),
  'followups.delete': method(id).returns<null>(),
  'search.visits': method(visitSearchSchema).returns<VisitSearchPage>(),
  'drafts.get': method(draftKeySchema).returns<Draft | null>(),
  'drafts.save': method(draftSaveSchema).returns<DraftSummary>(),
  'drafts.discard': method(draftKeySchema).returns<{ discarded: boolean }>(),
  'drafts.list': method(draftListSchema).returns<DraftSummary[]>(),
  'reference.needs': method(z.object({})).returns<VisitReference>(),
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
