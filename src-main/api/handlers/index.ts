import type { MethodName } from '../contract';
import { withAccessLog } from './access-log';
import { attachmentsHandlers } from './attachments';
import { companiesHandlers } from './companies';
import { deminimisHandlers } from './deminimis';
import { documentsHandlers } from './documents';
import { duplicatesHandlers } from './duplicates';
import { filesHandlers } from './files';
import { interopHandlers } from './interop';
import { outreachHandlers } from './outreach';
import { reportHandlers } from './report';
import { safetyHandlers } from './safety';
import type { Handler } from './types';
import { visitsHandlers } from './visits';
import { workspaceHandlers } from './workspace';

/** Every method's handler except `jobs.*`, which the dispatcher answers itself. */
export type AllHandlers = { [M in Exclude<MethodName, `jobs.${string}`>]: Handler<M> };

/** Calls that use personal data are written to the access log by the wrapper. */
export const handlers: AllHandlers = withAccessLog({
  ...companiesHandlers,
  ...duplicatesHandlers,
  ...workspaceHandlers,
  ...filesHandlers,
  ...safetyHandlers,
  ...outreachHandlers,
  ...documentsHandlers,
  ...visitsHandlers,
  ...interopHandlers,
  ...reportHandlers,
  ...attachmentsHandlers,
  ...deminimisHandlers,
});
