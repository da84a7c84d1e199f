import { z } from 'zod';

/**
 * Optional free text from a form: trimmed, empty becomes null, control characters removed (they
 * break Word documents and would collide with the search highlight markers).
 */
export const freeText = (max: number) =>
  z
    .string()
    .max(max, { message: 'validation.tooLong' })
    .transform((v) => stripControlCharacters(v).trim() || null)
    .nullable()
    .optional();

export function stripControlCharacters(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}
