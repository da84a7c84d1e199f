import type { MessageKey } from './messages';

/**
 * Errors the core raises on purpose. They carry a message key, not text: the dispatcher turns the
 * key into Danish or English for the UI, so the core stays free of language choices.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unknown_method'
  | 'schema_too_new'
  | 'cancelled'
  | 'unsupported'
  | 'internal';

/** One problem with one field (a dotted path), so a form can show the message next to it. */
export interface FieldIssue {
  field: string;
  /** A message key, or a text already in the user's language (shown as it is). */
  message: MessageKey | string;
  params?: Record<string, unknown>;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly key: MessageKey;
  readonly params: Record<string, unknown>;
  readonly fields: FieldIssue[];

  constructor(code: ErrorCode, key: MessageKey, params: Record<string, unknown> = {}, fields: FieldIssue[] = []) {
    super(key);
    this.name = 'DomainError';
    this.code = code;
    this.key = key;
    this.params = params;
    this.fields = fields;
  }
}

export function invalidField(field: string, key: MessageKey, params: Record<string, unknown> = {}): DomainError {
  return new DomainError('invalid_input', key, params, [{ field, message: key, params }]);
}

export function notFound(entity: MessageKey, id: unknown): DomainError {
  return new DomainError('not_found', 'error.notFound', { entity, id });
}
