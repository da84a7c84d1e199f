import { useEffect, useState } from 'react';
import { api } from '../api';
import type { Contact } from '../api/types';
import type { Organisation } from './types';

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
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`;
}
