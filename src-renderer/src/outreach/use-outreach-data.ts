import { useEffect, useState } from 'react';
import { formatDateDa, todayIso } from '../../../src-shared/format/dates';
import { api } from '../api';
import type { Contact, Organisation } from '../api/types';

let organisations: Promise<Organisation[]> | null = null;

/** The organisations list is reference data: fetched once per session. */
export function useOrganisations(onError: (err: unknown) => void): Organisation[] {
  const [list, setList] = useState<Organisation[]>([]);
  useEffect(() => {
    organisations ??= api.call('reference.organisations', {});
    let live = true;
    organisations.then(
      (v) => live && setList(v),
      (err: unknown) => {
        organisations = null;
        onError(err);
      },
    );
    return () => {
      live = false;
    };
  }, [onError]);
  return list;
}

export function useContacts(companyId: number, onError: (err: unknown) => void): Contact[] {
  const [list, setList] = useState<Contact[]>([]);
  useEffect(() => {
    let live = true;
    api.call('contacts.list', { companyId }).then((v) => live && setList(v), onError);
    return () => {
      live = false;
    };
  }, [companyId, onError]);
  return list;
}

/** Today as dd.mm.yyyy, the way date fields show it. */
export function todayText(): string {
  return formatDateDa(todayIso());
}
