import { z } from 'zod';

const optional = (max: number) =>
  z
    .string()
    .max(max, { message: 'validation.tooLong' })
    .transform((v) => v.trim() || null)
    .nullable()
    .optional();

export const contactFieldsSchema = z.object({
  name: z
    .string()
    .max(200, { message: 'validation.tooLong' })
    .transform((v) => v.trim()),
  role: optional(100),
  phone: optional(40),
  email: optional(200),
  isOwner: z.boolean().optional(),
});
export const contactCreateSchema = contactFieldsSchema.extend({ companyId: z.number().int().positive() });
export const contactUpdateSchema = z.object({
  id: z.number().int().positive(),
  changes: contactFieldsSchema.partial(),
});

export interface Contact {
  id: number;
  uuid: string;
  companyId: number;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  isOwner: boolean;
}
