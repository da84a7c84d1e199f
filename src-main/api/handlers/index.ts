import type { MethodName } from '../contract';
import { withAccessLog } from './access-log';
import { attachmentsHandlers } from './attachments';
import { bulkHandlers } from './bulk';
import { calendarHandlers } from './calendar';
import { companiesHandlers } from './companies';
import { deminimisHandlers } from './deminimis';
import { documentsHandlers } from './documents';
import { duplicatesHandlers } from './duplicates';
import { filesHandlers } from './files';
import { interopHandlers } from './interop';
import { letterKindsHandlers } from './letter-kinds';
import { outreachHandlers } from './outreach';
import { pipelinesHandlers } from './pipelines';
import { reportHandlers } from './report';
import { safetyHandlers } from './safety';
import { tagsHandlers } from './tags';
import type { Handler } from './types';
import { updatesHandlers } from './updates';
import { visitsHandlers } from './visits';
import { weekHandlers } from './week';
import { workspaceHandlers } from './workspace';

/** Every method's handler except `jobs.*`, which the dispatcher answers itself. */
export type AllHandlers = { [M in Exclude<MethodName, `jobs.${string}`>]: Handler<M> };

/** Every handler as written, before the access log is wrapped around them. */
export const unloggedHandlers: AllHandlers = {
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
  ...tagsHandlers,
  ...calendarHandlers,
  ...pipelinesHandlers,
  ...bulkHandlers,
  ...weekHandlers,
  ...deminimisHandlers,
  ...updatesHandlers,
  ...letterKindsHandlers,
};

/** Calls that use personal data are written to the access log by the wrapper. */
export const handlers: AllHandlers = withAccessLog(unloggedHandlers);
