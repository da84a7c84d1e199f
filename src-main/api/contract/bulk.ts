import { z } from 'zod';
import { type BulkLast, type BulkResult, bulkInputSchema } from '../../core/companies/bulk/bulk-schema';
import { method, NO_ACCESS_LOG } from './define';

/**
 * Bulk actions on a caseload selection: changes, so the audit log records them (one entry per
 * firm), not the access log. `companies.bulkUndo` takes the last one back.
 */
export const bulkContract = {
  'companies.bulk': method(bulkInputSchema, { job: true }).returns<BulkResult>(NO_ACCESS_LOG),
  'companies.bulkLast': method(z.object({})).returns<BulkLast | null>(NO_ACCESS_LOG),
  'companies.bulkUndo': method(z.object({})).returns<BulkResult>(NO_ACCESS_LOG),
} as const;

export type { BulkAction, BulkInputRaw, BulkKind, BulkLast, BulkResult } from '../../core/companies/bulk/bulk-schema';
