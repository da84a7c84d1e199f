import {
  type DuplicatePair,
  duplicatesQuerySchema,
  type MergePlan,
  mergeInputSchema,
} from '../../core/companies/duplicates/duplicate-schema';
import { method, NO_ACCESS_LOG } from './define';

export type { DuplicatePair, MergeField, MergePlan } from '../../core/companies/duplicates/duplicate-schema';

/** Firms recorded twice: found, shown side by side, merged into one. */
export const duplicatesContract = {
  /** Reads every firm's name and place to compare them: a read of each firm it lists. */
  'companies.duplicates': method(duplicatesQuerySchema).returns<DuplicatePair[]>({
    access: 'read',
    facts: (_, o) => ({ companies: [...new Set(o.flatMap((p) => [p.keepId, p.mergeId]))] }),
  }),
  'companies.mergePreview': method(mergeInputSchema).returns<MergePlan>({
    access: 'read',
    facts: (i) => ({ companies: [i.keepId, i.mergeId] }),
  }),
  /** A change: the audit log records it on both firms. */
  'companies.merge': method(mergeInputSchema).returns<MergePlan>(NO_ACCESS_LOG),
} as const;
