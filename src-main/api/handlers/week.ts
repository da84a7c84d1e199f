import { readIdentity, setIdentity } from '../../core/settings/identity';
import { weekOverview } from '../../core/week/week-query';
import { updateWeekThresholds, weekThresholds } from '../../core/week/week-settings';
import type { weekContract } from '../contract/week';
import type { AreaHandlers } from './types';

export const weekHandlers: AreaHandlers<typeof weekContract> = {
  'identity.get': (_, { db }) => readIdentity(db),
  'identity.set': (input, { db }) => setIdentity(db, input),
  'week.get': (input, { db }) => weekOverview(db, input),
  'week.thresholds': (_, { db }) => weekThresholds(db),
  'week.setThresholds': (input, { db }) => updateWeekThresholds(db, input),
};
