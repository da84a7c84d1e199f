import type { Database } from 'better-sqlite3';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { get } from '../db/sql';
import type { OrganisationType } from '../domain/organisations';
import { invalidField } from '../errors';

/**
 * Checks the ids a referral, LAG application or knowledge contact points at, so the form gets a
 * message on the field rather than a foreign-key failure: the organisation exists (and has the
 * expected type), the contact person belongs to this company, the consultant and scheme exist.
 */
export function assertRefs(
  db: Database,
  companyId: number,
  refs: {
    organisationId?: number | null;
    contactId?: number | null;
    consultantId?: number | null;
    schemeId?: number | null;
  },
  opts: { organisationField?: string; organisationTypes?: readonly OrganisationType[] } = {},
): void {
  if (refs.organisationId != null) {
    const org = get<{ type: OrganisationType }>(db, 'SELECT type FROM organisations WHERE id = ?', [
      refs.organisationId,
    ]);
    const field = opts.organisationField ?? 'organisationId';
    if (!org) throw invalidField(field, 'organisation.unknown');
    if (opts.organisationTypes && !opts.organisationTypes.includes(org.type)) {
      throw invalidField(field, 'organisation.wrongType', {
        type: labelKey.organisationType(opts.organisationTypes[0] ?? org.type),
      });
    }
  }
  if (refs.contactId != null) {
    const c = get<{ company_id: number }>(db, 'SELECT company_id FROM contacts WHERE id = ?', [refs.contactId]);
    if (!c) throw invalidField('contactId', 'contacts.unknown');
    if (c.company_id !== companyId) throw invalidField('contactId', 'contacts.otherCompany');
  }
  if (refs.consultantId != null && !get(db, 'SELECT 1 FROM consultants WHERE id = ?', [refs.consultantId])) {
    throw invalidField('consultantId', 'consultant.unknown');
  }
  if (refs.schemeId != null && !get(db, 'SELECT 1 FROM support_schemes WHERE id = ?', [refs.schemeId])) {
    throw invalidField('schemeId', 'scheme.unknown');
  }
}
