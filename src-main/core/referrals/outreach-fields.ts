import { z } from 'zod';
import { dateProblem, parseDate } from '../../../src-shared/format/dates';

/**
 * Field schemas shared by referrals, LAG applications, knowledge contacts and networks. Pure zod
 * (the renderer imports the types through the contract). Messages are message keys.
 */

/** Optional free text: trimmed, empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .max(max, { message: 'validation.tooLong' })
    .transform((v) => v.trim() || null)
    .nullable()
    .optional();

export const requiredText = (max: number) =>
  z
    .string()
    .max(max, { message: 'validation.tooLong' })
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, { message: 'validation.required' });

/** The ISO form of a typed date, or an issue on the field when it is no real date. */
function isoDate(v: string, ctx: z.RefinementCtx): string {
  const iso = parseDate(v);
  if (!iso) {
    ctx.addIssue({ code: 'custom', message: dateProblem(v) });
    return z.NEVER;
  }
  return iso;
}

/** A date as the UI or CLI gives it (dd.mm.yyyy, dd-mm-yyyy or ISO), stored as ISO. */
export const dateField = z.string().max(10, { message: 'validation.dateFormat' }).transform(isoDate);

/** An optional date: left out stays undefined, empty or null clears it, anything else must be a real date. */
export const optionalDate = z
  .string()
  .max(10, { message: 'validation.dateFormat' })
  .nullable()
  .optional()
  .transform((v, ctx): string | null | undefined => {
    if (v === undefined) return undefined;
    if (v === null || v.trim() === '') return null;
    return isoDate(v, ctx);
  });

/** Whole øre, never negative; 10^13 øre (100 mia. kr.) is far beyond any grant. */
export const moneyOre = z
  .number({ message: 'validation.amountFormat' })
  .int({ message: 'validation.amountFormat' })
  .min(0, { message: 'validation.amountNegative' })
  .max(10_000_000_000_000, { message: 'validation.amountFormat' });

export const idField = z.number().int().positive();
export const optionalId = idField.nullable().optional();
