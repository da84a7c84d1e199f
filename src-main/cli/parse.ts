import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type MessageKey, message } from '../core/messages';
import { UsageError } from './cli-context';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util's parseArgs, with its errors turned into usage errors (exit 2). */
export function parseCommandArgs<O extends Options>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/**
 * A command's flags by kind, each named once: `--name VALUE`, `--name VALUE` given any number of
 * times, or a switch.
 */
export interface FlagSpec<S extends string, M extends string, B extends string> {
  string?: readonly S[];
  multiple?: readonly M[];
  boolean?: readonly B[];
}

export type FlagOptions<S extends string, M extends string, B extends string> = { [K in S]: { type: 'string' } } & {
  [K in M]: { type: 'string'; multiple: true };
} & { [K in B]: { type: 'boolean' } };

export function flags<const S extends string = never, const M extends string = never, const B extends string = never>(
  spec: FlagSpec<S, M, B>,
): FlagOptions<S, M, B> {
  const options: Options = {};
  for (const name of spec.string ?? []) options[name] = { type: 'string' };
  for (const name of spec.multiple ?? []) options[name] = { type: 'string', multiple: true };
  for (const name of spec.boolean ?? []) options[name] = { type: 'boolean' };
  return options as FlagOptions<S, M, B>;
}

/** `parseCommandArgs` over flags described by kind. */
export function parseFlags<
  const S extends string = never,
  const M extends string = never,
  const B extends string = never,
>(args: string[], spec: FlagSpec<S, M, B>, allowPositionals = false) {
  return parseCommandArgs(args, flags(spec), allowPositionals);
}

/** A value that must be one of `options`; anything else is a usage error that lists them. */
export function oneOf<T extends string>(value: string, options: readonly T[], unknown: MessageKey): T {
  if (!(options as readonly string[]).includes(value))
    throw new UsageError(message(unknown, { value, options: options.join(', ') }));
  return value as T;
}

/** An optional whole number given as `flag`. */
export function integerFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(message('cli.integer', { flag }));
  return n;
}

/** An optional id given as `flag`: a whole number from 1. */
export function idFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(message('cli.positiveId', { flag }));
  return n;
}

/** The values of the flags that go into an API input under their own names. */
export function sameNamed<V, K extends keyof V>(values: V, names: readonly K[]): Pick<V, K> {
  return Object.fromEntries(names.map((name) => [name, values[name]])) as Pick<V, K>;
}

/** `--visit ID`, `--referral ID`, `--application ID`: what a letter or an attachment belongs to. */
export const BELONGS_TO = ['visit', 'referral', 'application'] as const;

export function belongsTo(values: { [K in (typeof BELONGS_TO)[number]]?: string }) {
  return {
    visitId: idFlag(values.visit, '--visit'),
    referralId: idFlag(values.referral, '--referral'),
    applicationId: idFlag(values.application, '--application'),
  };
}
