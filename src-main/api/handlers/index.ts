import type { MethodName } from '../contract';
import { companiesHandlers } from './companies';
import { filesHandlers } from './files';
import type { Handler } from './types';
import { workspaceHandlers } from './workspace';

/** Every method's handler except `jobs.*`, which the dispatcher answers itself. */
export type AllHandlers = { [M in Exclude<MethodName, `jobs.${string}`>]: Handler<M> };

export const handlers: AllHandlers = {
  ...companiesHandlers,
  ...workspaceHandlers,
  ...filesHandlers,
};
