import { useEffect, useState } from 'react';
import { api } from '../api';
import type { Company, Consultant, Contact, Visit } from '../api/types';
import { showRefusal } from '../components/Toasts';
import { defaultValues, draftKeyFor, restoreDraft, type VisitFormValues, valuesFromVisit } from './visit-form-model';

export interface Loaded {
  company: Company;
  contacts: Contact[];
  visit: Visit | null;
  baseline: VisitFormValues;
  initial: VisitFormValues;
  restoredAt: string | null;
  /** Fetched afresh: a consultant added since the app started must be offered. */
  consultants: Consultant[];
}

/**
 * Everything the visit form starts from, fetched together: the company, its contacts, the visit
 * being edited, a waiting draft, and who "I" am (the default consultant when the firm has none).
 */
export function useVisitFormData(companyId: number, visitId: number | null, reportError: (err: unknown) => void) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const key = draftKeyFor(companyId, visitId);
    Promise.all([
      api.call('companies.get', { id: companyId }),
      api.call('contacts.list', { companyId }),
      visitId === null ? Promise.resolve(null) : api.call('visits.get', { id: visitId }),
      api.call('drafts.get', { key }),
      api.call('settings.get', {}),
      api.call('reference.consultants', {}),
    ]).then(
      ([company, contacts, visit, draft, settings, all]) => {
        if (!live) return;
        const me = all.find((c) => c.name === settings['user.name'])?.id ?? null;
        const baseline = visit
          ? valuesFromVisit(visit)
          : defaultValues({ today: new Date(), consultantId: company.consultantId ?? me, contacts });
        const initial = draft ? restoreDraft(baseline, draft.payload) : baseline;
        setLoaded({
          company,
          contacts,
          visit,
          baseline,
          initial,
          restoredAt: draft ? draft.updatedAt : null,
          consultants: all,
        });
      },
      (err: unknown) => {
        if (live) showRefusal(err, setFailure, reportError);
      },
    );
    return () => {
      live = false;
    };
  }, [companyId, visitId, reportError]);
  return { loaded, failure };
}
