import type { Database } from 'better-sqlite3';
import { listAuditForCompany } from '../../core/audit/audit-log';
import { queryCaseload } from '../../core/companies/caseload-query';
import {
  correctCvr,
  createCompany,
  getCompany,
  resolveCompanyRef,
  updateCompany,
} from '../../core/companies/company-repo';
import { validateCompanyFields } from '../../core/companies/validate';
import { createContact, deleteContact, listContacts, updateContact } from '../../core/contacts/contact-repo';
import { DomainError } from '../../core/errors';
import { messageOrText } from '../../core/messages';
import { industryTitle } from '../../core/reference/industry-codes';
import { ensureConsultant } from '../../core/reference/reference-data';
import type { companiesContract } from '../contract/companies';
import { deleteById } from './delete-by-id';
import type { AreaHandlers } from './types';

/** The fields with the consultant named in the form, added to the list first if new (a refused save undoes it). */
function withConsultant<F extends { consultantId?: number | null }>(
  db: Database,
  fields: F,
  name: string | undefined,
): F {
  return name === undefined ? fields : { ...fields, consultantId: ensureConsultant(db, name).id };
}

export const companiesHandlers: AreaHandlers<typeof companiesContract> = {
  'companies.list': (input, { db }) => queryCaseload(db, input),
  'companies.get': ({ id }, { db }) => getCompany(db, id),
  'companies.industryTitle': ({ system, code }) => industryTitle(system, code),
  'companies.lookup': ({ ref }, { db }) => resolveCompanyRef(db, ref),
  'companies.validate': ({ id, ...fields }, { db, locale }) => {
    try {
      validateCompanyFields(db, fields, { selfId: id, requireName: false });
      return { fields: [] };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return {
        fields: err.fields.map((f) => ({ field: f.field, message: messageOrText(f.message, f.params, locale) })),
      };
    }
  },
  'companies.create': ({ consultantName, ...input }, { db }) =>
    db.transaction(() => createCompany(db, withConsultant(db, input, consultantName)))(),
  'companies.update': ({ id, changes, consultantName }, { db }) =>
    db.transaction(() => updateCompany(db, id, withConsultant(db, changes, consultantName)))(),
  'companies.correctCvr': ({ id, cvr, reason }, { db }) => correctCvr(db, id, cvr, reason),
  'companies.history': ({ id }, { db }) => listAuditForCompany(db, id),
  'contacts.list': ({ companyId }, { db }) => listContacts(db, companyId),
  'contacts.create': (input, { db }) => createContact(db, input),
  'contacts.update': ({ id, changes }, { db }) => updateContact(db, id, changes),
  'contacts.delete': deleteById(deleteContact),
};
