import type { CallContext } from '../context';
import type { MethodName, OutputOf, ParsedInputOf } from '../contract';

export type Handler<M extends MethodName> = (
  input: ParsedInputOf<M>,
  ctx: CallContext,
) => OutputOf<M> | Promise<OutputOf<M>>;

/** A map of handlers for one area: exactly the methods that area's contract names. */
export type AreaHandlers<Area> = { [M in keyof Area & MethodName]: Handler<M> };
