import { findDuplicates } from '../../core/companies/duplicates/find-duplicates';
import { mergeCompanies, planMerge } from '../../core/companies/duplicates/merge';
import type { duplicatesContract } from '../contract/duplicates';
import type { AreaHandlers } from './types';

export const duplicatesHandlers: AreaHandlers<typeof duplicatesContract> = {
  'companies.duplicates': (input, { db }) => findDuplicates(db, input),
  'companies.mergePreview': (input, { db }) => planMerge(db, input),
  'companies.merge': (input, { db }) => mergeCompanies(db, input),
};
