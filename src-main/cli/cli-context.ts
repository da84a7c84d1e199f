import type { Database } from 'better-sqlite3';
import type { ApiError, Company, InputOf, MethodName, OutputOf } from '../api/contract';
import type { Dispatch } from '../api/dispatcher';
import type { LeftoversReport } from '../core/files/leftovers';
import { type MessageKey, message } from '../core/messages';

/**
 * What a command gets: the dispatcher over the database, where to write, and the database itself
 * for the few commands no API method covers (`check`, `generate`).
 */
export interface CliContext {
  db: Database;
  dbPath: string;
  /** What the start found of killed writes and settled, before the command ran. */
  leftovers: LeftoversReport;
  dispatch: Dispatch;
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run: (args: string[], ctx: CliContext) => Promise<number> | number;
}

export type CommandRun = CliCommand['run'];

/** The commands whose catalogue has both a `cli.<key>.summary` and a `cli.<key>.usage`. */
type DescribedCommand = {
  [K in MessageKey]: K extends `cli.${infer N}.summary` ? (`cli.${N}.usage` extends MessageKey ? N : never) : never;
}[MessageKey];

/**
 * A command described by its `cli.<key>.summary` and `cli.<key>.usage` messages; its name is the
 * key unless the command is spelt otherwise on the command line.
 */
export function command(
  key: DescribedCommand,
  run: CommandRun,
  options: { name?: string; usageParams?: Record<string, unknown> } = {},
): CliCommand {
  return {
    name: options.name ?? key,
    summary: message(`cli.${key}.summary`),
    usage: message(`cli.${key}.usage`, options.usageParams),
    run,
  };
}

/** Exit codes: 0 success, 1 rejected input, 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

/** An API error the user caused (bad CVR, unknown company…): printed, exit 1. */
export class RejectedError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** Calls a contract method and returns its value, or throws RejectedError with the API's message. */
export async function call<M extends MethodName>(ctx: CliContext, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await ctx.dispatch(method, input);
  if (!result.ok) throw new RejectedError(result.error);
  return result.value as OutputOf<M>;
}

/** A company by CVR, id or uuid, as a user types it; through the API, so the look-up is in the access log. */
export function lookupCompany(ctx: CliContext, ref: string): Promise<Company> {
  return call(ctx, 'companies.lookup', { ref });
}

export function printApiError(ctx: CliContext, error: ApiError): void {
  ctx.err(message('cli.error', { message: error.message }));
  const fields = error.details?.fields ?? [];
  // A single field's message is already the headline; repeat it only when there are several.
  if (fields.length > 1) for (const f of fields) ctx.err(`  ${f.field}: ${f.message}`);
}
