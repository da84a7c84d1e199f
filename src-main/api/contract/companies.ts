import { z } from 'zod';
import type { AuditEntry } from '../../core/audit/audit-types';
import { type CaseloadPage, caseloadQuerySchema } from '../../core/companies/caseload-schema';
import {
  type Company,
  companyCreateSchema,
  companyUpdateSchema,
  cvrCorrectionSchema,
} from '../../core/companies/schema';
import { type Contact, contactCreateSchema, contactUpdateSchema } from '../../core/contacts/contact-schema';
import { method } from './define';

const id = z.object({ id: z.number().int().positive() });

export const companiesContract = {
  'companies.list': method(caseloadQuerySchema).returns<CaseloadPage>(),
  'companies.get': method(id).returns<Company>(),
  /** Checks a form without saving, so field messages appear while the consultant types. */
  'companies.validate': method(
    companyCreateSchema.partial().extend({ id: z.number().int().positive().optional() }),
  ).returns<{ fields: Array<{ field: string; message: string }> }>(),
  'companies.create': method(companyCreateSchema).returns<Company>(),
  'companies.update': method(companyUpdateSchema).returns<Company>(),
  'companies.correctCvr': method(cvrCorrectionSchema).returns<Company>(),
  'companies.history': method(id).returns<AuditEntry[]>(),
  'contacts.list': method(z.object({ companyId: z.number().int().positive() })).returns<Contact[]>(),
  'contacts.create': method(contactCreateSchema).returns<Contact>(),
  'contacts.update': method(contactUpdateSchema).returns<Contact>(),
  'contacts.delete': method(id).returns<null>(),
} as const;
