import type { Company, Consultant, Contact, FollowUpPage, Visit, VisitSaved } from '../../src-main/api/contract';
import { addDays } from '../../src-main/core/domain/clock-time';
import { todayIso } from '../../src-shared/format/dates';
import { openTestStore, type TestStore } from './temp-db';

export const today = () => todayIso();
export const daysFromToday = (n: number) => addDays(todayIso(), n);

/** A fresh store whose user is Karen Sørensen, with her colleague Bo Lund: "mine" and "a colleague's". */
export async function openAsKaren(): Promise<{ store: TestStore; karen: Consultant; bo: Consultant }> {
  const store = openTestStore();
  await store.call('settings.update', { 'user.name': 'Karen Sørensen' });
  const karen = (await store.call('consultants.ensure', { name: 'Karen Sørensen' })) as Consultant;
  const bo = (await store.call('consultants.ensure', { name: 'Bo Lund' })) as Consultant;
  return { store, karen, bo };
}

/** A firm with an owner and a second contact, the way a consultant meets it. */
export async function firmWithContacts(store: TestStore, name = 'Ådalens Gårdbutik', cvr?: string) {
  const company = (await store.call('companies.create', { name, cvr, ownerName: 'Mette Jensen' })) as Company;
  const contacts = (await store.call('contacts.list', { companyId: company.id })) as Contact[];
  const partner = (await store.call('contacts.create', {
    companyId: company.id,
    name: 'Søren Ærbø',
    role: 'Medejer',
  })) as Contact;
  const owner = contacts[0];
  if (!owner) throw new Error('owner missing');
  return { company, owner, partner };
}

export async function addVisit(store: TestStore, input: Record<string, unknown>): Promise<VisitSaved> {
  return (await store.call('visits.create', input)) as VisitSaved;
}

export async function getCompany(store: TestStore, id: number): Promise<Company> {
  return (await store.call('companies.get', { id })) as Company;
}

export async function visitsOf(store: TestStore, companyId: number): Promise<Visit[]> {
  return ((await store.call('visits.list', { companyId })) as { rows: Visit[] }).rows;
}

export async function followupsPage(store: TestStore, input: Record<string, unknown> = {}): Promise<FollowUpPage> {
  return (await store.call('followups.list', input)) as FollowUpPage;
}

/** The field messages of a refused call, keyed by field. */
export async function refusedFields(store: TestStore, method: string, input: unknown) {
  const r = await store.dispatch(method, input);
  if (r.ok) throw new Error(`${method} was accepted`);
  return {
    code: r.error.code,
    message: r.error.message,
    fields: Object.fromEntries((r.error.details?.fields ?? []).map((f) => [f.field, f.message])),
  };
}

export function count(store: TestStore, table: string): number {
  return (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
