import { lastBulk, runBulk, undoLastBulk } from '../../core/companies/bulk/bulk';
import type { bulkContract } from '../contract/bulk';
import type { AreaHandlers } from './types';

export const bulkHandlers: AreaHandlers<typeof bulkContract> = {
  'companies.bulk': (input, ctx) => runBulk(ctx.db, input, ctx),
  'companies.bulkLast': (_, { db }) => lastBulk(db),
  'companies.bulkUndo': (_, { db }) => undoLastBulk(db),
};
