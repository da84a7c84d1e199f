import { z } from 'zod';
import { COMPANY_STATUSES, LEGAL_FORMS } from '../domain/company-status';

/**
 * The shape of a company as the UI and files send it. Format rules live here; rules that need
 * the database or today's date (checksum, uniqueness, known kommune) live in validate.ts.
 * Zod messages are message keys (core/messages), translated by the dispatcher.
 */
const text = (max: number) =>
  z
    .string()
    .max(max, { message: 'validation.tooLong' })
    .transform((v) => v.trim())
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const companyFieldsSchema = z.object({
  recordType: z.enum(['registered', 'unregistered']).optional(),
  cvr: text(20),
  pNumber: text(20),
  name: z
    .string()
    .max(200, { message: 'validation.tooLong' })
    .transform((v) => v.trim()),
  legalForm: z.enum(LEGAL_FORMS).nullable().optional(),
  address: text(200),
  postcode: text(10),
  city: text(100),
  kommuneCode: z.number().int().nullable().optional(),
  industryCode: text(12),
  employees: z
    .number({ message: 'validation.employeesRange' })
    .int({ message: 'validation.employeesRange' })
    .min(0, { message: 'validation.employeesRange' })
    .max(100_000, { message: 'validation.employeesRange' })
    .nullable()
    .optional(),
  founded: text(10),
  phone: text(40),
  email: text(200),
  website: text(300),
  status: z.enum(COMPANY_STATUSES).optional(),
  statusReason: text(500),
  consultantId: z.number().int().positive().nullable().optional(),
});

export const companyCreateSchema = companyFieldsSchema.extend({
  ownerName: text(200),
});
export type CompanyCreateInput = z.input<typeof companyCreateSchema>;
export type CompanyCreate = z.output<typeof companyCreateSchema>;

/** Update sends only the fields that changed; `cvr` may only be set where none was recorded. */
export const companyUpdateSchema = z.object({
  id: z.number().int().positive(),
  changes: companyFieldsSchema.partial(),
});
export type CompanyUpdateInput = z.input<typeof companyUpdateSchema>;

export const cvrCorrectionSchema = z.object({
  id: z.number().int().positive(),
  cvr: z.string().max(20).nullable(),
  reason: z
    .string()
    .trim()
    .min(1, { message: 'validation.reasonRequired' })
    .max(500, { message: 'validation.tooLong' }),
});

export interface Company {
  id: number;
  uuid: string;
  recordType: 'registered' | 'unregistered';
  cvr: string | null;
  pNumber: string | null;
  name: string;
  legalForm: (typeof LEGAL_FORMS)[number] | null;
  address: string | null;
  postcode: string | null;
  city: string | null;
  kommuneCode: number | null;
  kommune: string | null;
  industryCode: string | null;
  industrySystem: string;
  employees: number | null;
  founded: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  status: (typeof COMPANY_STATUSES)[number];
  statusReason: string | null;
  consultantId: number | null;
  consultant: string | null;
  owner: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Non-blocking notes about a record (DOMAIN.md: eligibility is flagged, never enforced). */
export interface CompanyWarning {
  field: string;
  message: string;
}
