import { z } from 'zod';
import { sanitiseText } from '../files/sanitise-text';

/**
 * Optional free text from a form: trimmed, empty becomes null, control characters removed (they
 * break Word documents and would collide with the search highlight markers) by the one sanitiser.
 */
export const freeText = (max: number) =>
  z
    .string()
    .max(max, { message: 'validation.tooLong' })
    .transform((v) => sanitiseText(v).trim() || null)
    .nullable()
    .optional();
