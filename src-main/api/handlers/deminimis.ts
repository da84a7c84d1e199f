import { addDeMinimisAid, deMinimisReport, removeDeMinimisAid } from '../../core/deminimis/ledger';
import type { deminimisContract } from '../contract/deminimis';
import type { AreaHandlers } from './types';

export const deminimisHandlers: AreaHandlers<typeof deminimisContract> = {
  'deminimis.status': (input, { db }) => deMinimisReport(db, input),
  'deminimis.add': (input, { db }) => addDeMinimisAid(db, input),
  'deminimis.remove': (input, { db }) => removeDeMinimisAid(db, input.id),
};
