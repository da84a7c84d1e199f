import { z } from 'zod';
import {
  type AidEntry,
  type DeMinimisReport,
  deMinimisAddSchema,
  deMinimisQuerySchema,
} from '../../core/deminimis/deminimis-schema';
import { method, NO_ACCESS_LOG } from './define';

export type { AidEntry, DeMinimisLimit, DeMinimisReport } from '../../core/deminimis/deminimis-schema';

/** The de minimis ledger (core/deminimis): a firm's aid, its ceiling and headroom on a date. */
export const deminimisContract = {
  'deminimis.status': method(deMinimisQuerySchema).returns<DeMinimisReport>({
    access: 'read',
    facts: (i) => ({ companies: [i.companyId] }),
  }),
  /** Changes: the audit log records them on the firm. */
  'deminimis.add': method(deMinimisAddSchema).returns<AidEntry>(NO_ACCESS_LOG),
  'deminimis.remove': method(z.object({ id: z.number().int().positive() })).returns<{ removed: true }>(NO_ACCESS_LOG),
} as const;
