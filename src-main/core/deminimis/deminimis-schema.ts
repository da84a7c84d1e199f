import { z } from 'zod';
import { DE_MINIMIS_SECTORS } from '../../../src-shared/codes/deminimis';
import { dateField, idField, optionalDate, optionalText, requiredText } from '../referrals/outreach-fields';
import type { DeMinimisStatus } from './rules';

export type { AidEntry, DeMinimisLimit, DeMinimisStatus } from './rules';

/** Whole cents or øre; a negative amount gets its own message, as the ledger refuses it by name. */
const amount = z
  .number({ message: 'validation.amountFormat' })
  .int({ message: 'validation.amountFormat' })
  .min(1, { message: 'deminimis.amountPositive' })
  .max(10_000_000_000_000, { message: 'validation.amountFormat' });

export const deMinimisQuerySchema = z.object({
  companyId: idField,
  /** The day a grant would be made; today when left out. */
  on: optionalDate,
  sector: z.enum(DE_MINIMIS_SECTORS).optional(),
  /** A LAG application whose own approval must not count against itself. */
  excludeApplicationId: idField.optional(),
});
export type DeMinimisQuery = z.input<typeof deMinimisQuerySchema>;

export const deMinimisAddSchema = z.object({
  companyId: idField,
  grantedOn: dateField,
  grantor: requiredText(200),
  scheme: optionalText(200),
  sector: z.enum(DE_MINIMIS_SECTORS).default('general'),
  amountEurCents: amount,
  amountOre: amount.nullable().optional(),
  note: optionalText(2000),
});
export type DeMinimisAdd = z.input<typeof deMinimisAddSchema>;

/** The firm's status on a date, with what a letter or screen needs to name it. */
export interface DeMinimisReport extends DeMinimisStatus {
  companyId: number;
  companyName: string;
  companyCvr: string | null;
}
