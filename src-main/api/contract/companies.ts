import { z } from 'zod';
import { INDUSTRY_SYSTEMS } from '../../../src-shared/codes/industry';
import type { AuditEntry } from '../../core/audit/audit-types';
import { type CaseloadPage, caseloadQuerySchema } from '../../core/companies/caseload-schema';
import {
  type Company,
  companyCreateSchema,
  companyUpdateSchema,
  cvrCorrectionSchema,
} from '../../core/companies/schema';
import { type Contact, contactCreateSchema, contactUpdateSchema } from '../../core/contacts/contact-schema';
import { method, NO_ACCESS_LOG } from './define';

const id = z.object({ id: z.number().int().positive() });
/**
 * A consultant typed by name in the company form: added to the list if new (as `consultants.ensure`)
 * and given the company, in the same transaction as the save. Takes the place of `consultantId`.
 */
const newConsultant = {
  consultantName: z
    .string()
    .trim()
    .min(1, { message: 'validation.required' })
    .max(100, { message: 'validation.tooLong' })
    .optional(),
};
const readsCompany = { access: 'read', facts: (i: { id: number }) => ({ companies: [i.id] }) } as const;

export const companiesContract = {
  /** A list without a search is not logged: opening the caseload is not a search for a person. */
  'companies.list': method(caseloadQuerySchema).returns<CaseloadPage>({
    access: 'search',
    facts: (i, o) =>
      i.search.trim() === ''
        ? null
        : { search: { text: i.search, found: o.total ?? undefined, page: i.offset ? 'later' : 'first' } },
  }),
  'companies.get': method(id).returns<Company>(readsCompany),
  /** A company by CVR, id or uuid: what a CLI user or a script is likely to hold. */
  'companies.lookup': method(z.object({ ref: z.string().max(200) })).returns<Company>({
    access: 'read',
    facts: (_, o) => ({ companies: [o.id] }),
  }),
  /** Checks a form without saving, so field messages appear while the consultant types. */
  'companies.validate': method(
    companyCreateSchema.partial().extend({ id: z.number().int().positive().optional() }),
  ).returns<{ fields: Array<{ field: string; message: string }> }>(NO_ACCESS_LOG),
  'companies.create': method(companyCreateSchema.extend(newConsultant)).returns<Company>(NO_ACCESS_LOG),
  'companies.update': method(companyUpdateSchema.extend(newConsultant)).returns<Company>(NO_ACCESS_LOG),
  'companies.correctCvr': method(cvrCorrectionSchema).returns<Company>(NO_ACCESS_LOG),
  'companies.history': method(id).returns<AuditEntry[]>(readsCompany),
  /** The title of an industry code in its system (DB07 or DB25), or null when the table lacks the code. */
  'companies.industryTitle': method(
    z.object({ system: z.enum(INDUSTRY_SYSTEMS), code: z.string().regex(/^\d{6}$/) }),
  ).returns<string | null>(NO_ACCESS_LOG),
  'contacts.list': method(z.object({ companyId: z.number().int().positive() })).returns<Contact[]>({
    access: 'read',
    facts: (i) => ({ companies: [i.companyId] }),
  }),
  'contacts.create': method(contactCreateSchema).returns<Contact>(NO_ACCESS_LOG),
  'contacts.update': method(contactUpdateSchema).returns<Contact>(NO_ACCESS_LOG),
  'contacts.delete': method(id).returns<null>(NO_ACCESS_LOG),
} as const;
